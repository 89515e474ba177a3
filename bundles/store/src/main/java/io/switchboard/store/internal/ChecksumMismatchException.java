package io.switchboard.store.internal;

/** An applied migration's file has changed since it was applied; nothing was touched. */
public final class ChecksumMismatchException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String recordedChecksum;
    private final String currentChecksum;

    public ChecksumMismatchException(
            String bundle, String fileName, String recordedChecksum, String currentChecksum) {
        super("Migration " + fileName + " of bundle " + bundle + " has changed since it was applied"
                + " (recorded SHA-256 " + recordedChecksum + ", bundle now has " + currentChecksum
                + "); database left untouched");
        this.fileName = fileName;
        this.recordedChecksum = recordedChecksum;
        this.currentChecksum = currentChecksum;
    }

    public String fileName() {
        return fileName;
    }

    public String recordedChecksum() {
        return recordedChecksum;
    }

    public String currentChecksum() {
        return currentChecksum;
    }
}
