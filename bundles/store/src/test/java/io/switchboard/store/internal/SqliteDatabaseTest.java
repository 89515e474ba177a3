package io.switchboard.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import io.switchboard.store.api.Database;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newDatabaseIsStampedInTheMainFileHeader() throws Exception {
        Path file = dir.resolve("data/switchboard.db");

        try (SqliteDatabase database = open(file)) {
            assertThat(database.created()).isTrue();
            byte[] header = Arrays.copyOf(Files.readAllBytes(file), 100);
            assertThat(ByteBuffer.wrap(header, 68, 4).getInt()).isEqualTo(0x53574244);
            assertThat(new String(header, 68, 4, StandardCharsets.US_ASCII)).isEqualTo("SWBD");
        }
    }

    @Test
    void anEmptyFileIsANewDatabase() throws Exception {
        Path file = dir.resolve("switchboard.db");
        Files.createFile(file); // the launcher's preflight lets a zero-byte file through too

        try (SqliteDatabase database = open(file)) {
            assertThat(database.created()).isTrue();
            assertThat(ByteBuffer.wrap(Files.readAllBytes(file), 68, 4).getInt())
                    .isEqualTo(0x53574244);
        }
    }

    @Test
    void connectionsUseWalWithForeignKeysAndABusyTimeout() throws Exception {
        try (SqliteDatabase database = open(dir.resolve("switchboard.db"))) {
            assertThat(query(database, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(database, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(query(database, "PRAGMA busy_timeout"))
                    .isEqualTo(String.valueOf(StoreOptions.DEFAULT_BUSY_TIMEOUT_MILLIS));
            assertThat(database.write(c -> queryString(c, "PRAGMA synchronous")).join())
                    .isEqualTo("1"); // NORMAL
            assertThat(database.write(c -> queryString(c, "PRAGMA foreign_keys")).join())
                    .isEqualTo("1");
        }
    }

    @Test
    void reopeningFindsTheDatabaseAndItsData() throws Exception {
        Path file = dir.resolve("switchboard.db");
        try (SqliteDatabase database = open(file)) {
            database.write(c -> update(c, "CREATE TABLE t (x INTEGER)")).join();
            database.write(c -> update(c, "INSERT INTO t VALUES (7)")).join();
        }

        try (SqliteDatabase database = open(file)) {
            assertThat(database.created()).isFalse();
            assertThat(query(database, "SELECT x FROM t")).isEqualTo("7");
        }
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection other = plainConnection(file)) {
            update(other, "PRAGMA application_id = 42");
            update(other, "CREATE TABLE theirs (x)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(ForeignDatabaseException.class)
                .hasMessageContaining("application_id 0x0000002A");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("other.db-wal")).doesNotExist();
    }

    @Test
    void aDatabaseWithTablesButNoApplicationIdIsRefused() throws Exception {
        Path file = dir.resolve("unmarked.db");
        try (Connection other = plainConnection(file)) {
            update(other, "CREATE TABLE theirs (x)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> open(file)).isInstanceOf(ForeignDatabaseException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("corrupt.db");
        byte[] garbage = "this is not a database, it is a long enough line of text".repeat(40)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(file, garbage);

        assertThatThrownBy(() -> open(file)).isInstanceOf(SQLException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void readsCannotWrite() throws Exception {
        try (SqliteDatabase database = open(dir.resolve("switchboard.db"))) {
            database.write(c -> update(c, "CREATE TABLE t (x INTEGER)")).join();

            assertThatThrownBy(() -> database.read(c -> update(c, "INSERT INTO t VALUES (1)")))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aReadSeesOneSnapshotWhileTheWriterCommits() throws Exception {
        try (SqliteDatabase database = open(dir.resolve("switchboard.db"))) {
            database.write(c -> update(c, "CREATE TABLE t (x INTEGER)")).join();

            String seen = database.read(c -> {
                String first = queryString(c, "SELECT count(*) FROM t");
                database.write(w -> update(w, "INSERT INTO t VALUES (1)")).join();
                return first + "," + queryString(c, "SELECT count(*) FROM t");
            });

            assertThat(seen).isEqualTo("0,0");
            assertThat(query(database, "SELECT count(*) FROM t")).isEqualTo("1");
        }
    }

    static SqliteDatabase open(Path file) throws SQLException {
        return SqliteDatabase.open(file, StoreOptions.defaults(), Clock.systemUTC());
    }

    static Connection plainConnection(Path file) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource.getConnection();
    }

    static int update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** A one-value read; also spares generic inference inside AssertJ's overloaded assertThat. */
    static String query(Database database, String sql) throws SQLException {
        return database.read(c -> queryString(c, sql));
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
