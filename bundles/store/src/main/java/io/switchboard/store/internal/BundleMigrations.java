package io.switchboard.store.internal;

import io.switchboard.store.api.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;

/** Finds the migration files a bundle declares with {@value Database#MIGRATIONS_HEADER}. */
final class BundleMigrations {

    private BundleMigrations() {
    }

    /** The folder the bundle names, without leading or trailing slashes; empty if it names none. */
    static Optional<String> folder(Bundle bundle) {
        return folder(bundle.getHeaders("").get(Database.MIGRATIONS_HEADER));
    }

    static Optional<String> folder(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String folder = headerValue.trim().replaceAll("^/+|/+$", "");
        return Optional.of(folder.isEmpty() ? "/" : folder);
    }

    /**
     * Reads every {@code .sql} file directly in the folder (fragments included).
     *
     * @throws MigrationException if a {@code .sql} file is misnamed (it would otherwise be
     *     skipped without anyone noticing) or cannot be read
     */
    static List<MigrationScript> read(Bundle bundle, String folder) throws MigrationException {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        List<MigrationScript> scripts = new ArrayList<>();
        for (URL entry : entries == null ? List.<URL>of() : Collections.list(entries)) {
            String path = entry.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = entry.openStream()) {
                scripts.add(MigrationScript.of(fileName, in.readAllBytes()));
            } catch (IllegalArgumentException | IOException e) {
                throw new MigrationException("Bundle " + bundle.getSymbolicName()
                        + " has an unusable migration file " + folder + "/" + fileName + ": "
                        + e.getMessage(), e);
            }
        }
        return scripts;
    }
}
