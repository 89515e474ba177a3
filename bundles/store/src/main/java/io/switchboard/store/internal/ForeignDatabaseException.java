package io.switchboard.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;

/** The database file belongs to something else; the store leaves it exactly as it found it. */
public final class ForeignDatabaseException extends SQLException {

    private static final long serialVersionUID = 1L;

    public ForeignDatabaseException(Path file, String reason) {
        super(file + " is not a Switchboard database (" + reason + "); refusing to open it");
    }
}
