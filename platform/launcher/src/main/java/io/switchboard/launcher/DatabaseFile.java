package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tells a Switchboard database from any other file by its SQLite header, without opening it:
 * the magic string, and the application id the store sets ({@code PRAGMA application_id}, a
 * big-endian int at bytes 68..71).
 */
public final class DatabaseFile {

    /** "SWBD". */
    public static final int APPLICATION_ID = 0x53574244;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    private static final int APPLICATION_ID_OFFSET = 68;

    private DatabaseFile() {
    }

    /**
     * Returns why the file is not a Switchboard database, or {@code null} when it is one or when
     * it is missing or empty (the store then creates it).
     */
    public static String problem(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            return file + " is not a regular file";
        }
        if (Files.size(file) == 0) {
            return null;
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER_SIZE);
        }
        if (header.length < HEADER_SIZE
                || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            return file + " is not an SQLite database";
        }
        int applicationId = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, 4).getInt();
        if (applicationId != APPLICATION_ID) {
            return String.format("%s is an SQLite database of another application (application_id 0x%08x)",
                    file, applicationId);
        }
        return null;
    }
}
