package io.switchboard.store.internal;

import static io.switchboard.store.internal.SqliteDatabaseTest.query;
import static io.switchboard.store.internal.SqliteDatabaseTest.queryString;
import static io.switchboard.store.internal.SqliteDatabaseTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations through the store's writer, on a real file, as the extender runs them. */
class MigrationRunnerTest {

    private static final String ACD = "io.switchboard.acd";
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @BeforeEach
    void openDatabase() throws SQLException {
        database = SqliteDatabase.open(dir.resolve("switchboard.db"), StoreOptions.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void appliesMigrationsInNumericOrder() throws Exception {
        MigrationScript v10 = script("V10__add_skill_level.sql",
                "ALTER TABLE agent ADD COLUMN level INTEGER NOT NULL DEFAULT 1;");
        MigrationScript v2 = script("V2__agents.sql", "CREATE TABLE agent (id TEXT PRIMARY KEY);");

        List<MigrationScript> applied = migrate(ACD, v10, v2);

        assertThat(applied).extracting(MigrationScript::version).containsExactly(2L, 10L);
        assertThat(ledger(ACD)).containsExactly(
                "2|V2__agents.sql|" + sha256(v2.sql()) + "|2026-03-01T10:15:30Z",
                "10|V10__add_skill_level.sql|" + sha256(v10.sql()) + "|2026-03-01T10:15:30Z");
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        MigrationScript v1 = script("V1__queues.sql",
                "CREATE TABLE queue (name TEXT); INSERT INTO queue VALUES ('general');");
        migrate(ACD, v1);
        List<String> ledgerBefore = ledger(ACD);

        assertThat(migrate(ACD, v1)).isEmpty();
        assertThat(ledger(ACD)).isEqualTo(ledgerBefore);
        assertThat(count("queue")).isEqualTo("1");
    }

    @Test
    void newMigrationsOfAnUpdatedBundleAreApplied() throws Exception {
        MigrationScript v1 = script("V1__queues.sql", "CREATE TABLE queue (name TEXT);");
        migrate(ACD, v1);

        List<MigrationScript> applied = migrate(ACD, v1,
                script("V2__seed.sql", "INSERT INTO queue VALUES ('general');"));

        assertThat(applied).extracting(MigrationScript::fileName).containsExactly("V2__seed.sql");
        assertThat(count("queue")).isEqualTo("1");
    }

    @Test
    void aChangedAppliedMigrationIsReportedAndNothingIsTouched() throws Exception {
        MigrationScript original = script("V1__queues.sql", "CREATE TABLE queue (name TEXT);");
        migrate(ACD, original);
        database.write(c -> update(c, "INSERT INTO queue VALUES ('general')")).join();
        MigrationScript edited = script("V1__queues.sql",
                "CREATE TABLE queue (name TEXT, priority INTEGER);");

        assertThatThrownBy(() -> migrate(ACD, edited,
                script("V2__drop.sql", "DELETE FROM queue;")))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("V1__queues.sql");
                    assertThat(e.recordedChecksum()).isEqualTo(original.checksum());
                    assertThat(e.currentChecksum()).isEqualTo(edited.checksum());
                    assertThat(e.getMessage()).contains(ACD, "V1__queues.sql",
                            original.checksum(), edited.checksum());
                });
        assertThat(count("queue")).isEqualTo("1");
        assertThat(ledger(ACD)).hasSize(1);
    }

    @Test
    void aFailingMigrationIsRolledBackAndNotRecorded() throws Exception {
        migrate(ACD, script("V1__queues.sql", "CREATE TABLE queue (name TEXT);"));

        assertThatThrownBy(() -> migrate(ACD,
                script("V1__queues.sql", "CREATE TABLE queue (name TEXT);"),
                script("V2__broken.sql", "CREATE TABLE skill (name TEXT);"
                        + " INSERT INTO queue VALUES ('x'); INSERT INTO no_such_table VALUES (1);"),
                script("V3__after.sql", "CREATE TABLE after_broken (x);")))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("no_such_table");

        assertThat(tableExists("skill")).isFalse();
        assertThat(tableExists("after_broken")).isFalse();
        assertThat(count("queue")).isEqualTo("0");
        assertThat(ledger(ACD)).hasSize(1);
    }

    @Test
    void aFileMayHoldManyStatementsIncludingTriggersAndComments() throws Exception {
        migrate(ACD, script("V1__journal.sql", """
                -- the journal; this comment has a semicolon;
                CREATE TABLE entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL);
                CREATE TABLE kind_count (kind TEXT PRIMARY KEY, n INTEGER NOT NULL);
                /* a block comment; with a semicolon */
                CREATE TRIGGER count_kind AFTER INSERT ON entry BEGIN
                    INSERT OR IGNORE INTO kind_count VALUES (new.kind, 0);
                    UPDATE kind_count SET n = n + 1 WHERE kind = new.kind;
                END;
                INSERT INTO entry (kind) VALUES ('call;started');
                INSERT INTO entry (kind) VALUES ('call;started')
                """));

        assertThat(query(database, "SELECT kind || '=' || n FROM kind_count"))
                .isEqualTo("call;started=2");
    }

    @Test
    void aNewMigrationOlderThanAnAppliedOneIsRefused() throws Exception {
        migrate(ACD, script("V1__a.sql", "CREATE TABLE a (x);"),
                script("V3__c.sql", "CREATE TABLE c (x);"));

        assertThatThrownBy(() -> migrate(ACD, script("V1__a.sql", "CREATE TABLE a (x);"),
                script("V2__b.sql", "CREATE TABLE b (x);"),
                script("V3__c.sql", "CREATE TABLE c (x);")))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2__b.sql");
        assertThat(tableExists("b")).isFalse();
    }

    @Test
    void twoFilesWithOneVersionAreRefused() {
        assertThatThrownBy(() -> migrate(ACD, script("V1__a.sql", "CREATE TABLE a (x);"),
                script("V01__b.sql", "CREATE TABLE b (x);")))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__a.sql").hasMessageContaining("V01__b.sql");
    }

    @Test
    void anOlderBundleOnANewerSchemaIsAllowed() throws Exception {
        MigrationScript v1 = script("V1__a.sql", "CREATE TABLE a (x);");
        migrate(ACD, v1, script("V2__b.sql", "CREATE TABLE b (x);"));

        assertThat(migrate(ACD, v1)).isEmpty();
        assertThat(ledger(ACD)).hasSize(2);
    }

    @Test
    void eachBundleHasItsOwnVersions() throws Exception {
        migrate(ACD, script("V1__agents.sql", "CREATE TABLE agent (id TEXT);"));

        List<MigrationScript> applied = migrate("io.switchboard.ivr",
                script("V1__flows.sql", "CREATE TABLE flow (id TEXT);"));

        assertThat(applied).hasSize(1);
        assertThat(ledger("io.switchboard.ivr")).hasSize(1);
    }

    private List<MigrationScript> migrate(String bundle, MigrationScript... scripts)
            throws Exception {
        try {
            return database.migrate(bundle, List.of(scripts)).join();
        } catch (CompletionException e) {
            throw (Exception) e.getCause();
        }
    }

    private List<String> ledger(String bundle) throws SQLException {
        return database.read(c -> MigrationLedger.applied(c, bundle)).stream()
                .map(m -> String.join("|", String.valueOf(m.version()), m.fileName(),
                        m.checksum(), m.appliedAt().toString()))
                .toList();
    }

    private String count(String table) throws SQLException {
        return query(database, "SELECT count(*) FROM " + table);
    }

    private boolean tableExists(String table) throws SQLException {
        return query(database, "SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'")
                .equals("1");
    }

    private static MigrationScript script(String fileName, String sql) {
        return MigrationScript.of(fileName, sql.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
