package io.switchboard.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code V<n>__<description>.sql} file of a bundle.
 *
 * @param version n, compared numerically (V2 runs before V10)
 * @param fileName the file's name, recorded with the migration and named in log lines
 * @param sql the file's text, UTF-8
 * @param checksum lower-case hex SHA-256 of the file's bytes exactly as shipped, so that any
 *     edit — even of whitespace or line endings — counts as a change
 */
public record MigrationScript(long version, String fileName, String sql, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d{1,18})__(.+)\\.sql");

    /** The version in a file's name, if the name is one of a migration. */
    static Optional<Long> versionOf(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /**
     * @throws IllegalArgumentException if the name does not follow {@code V<n>__<description>.sql}
     */
    public static MigrationScript of(String fileName, byte[] content) {
        long version = versionOf(fileName).orElseThrow(() -> new IllegalArgumentException(
                "'" + fileName + "' is not named V<n>__<description>.sql"));
        return new MigrationScript(version, fileName,
                new String(content, StandardCharsets.UTF_8), sha256(content));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
