package io.switchboard.store.internal;

import static io.switchboard.store.internal.SqliteDatabaseTest.query;
import static io.switchboard.store.internal.SqliteDatabaseTest.queryString;
import static io.switchboard.store.internal.SqliteDatabaseTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.store.api.SqlWork;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real file. To put several writes in one batch deterministically, a first
 * write holds the writer thread on a latch while the others queue up behind it.
 */
class BatchingWriterTest {

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @BeforeEach
    void openDatabase() throws SQLException {
        database = open(StoreOptions.defaults());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void manyConcurrentWritesAllLand() throws Exception {
        database.write(c -> update(c, "CREATE TABLE t (writer INTEGER, n INTEGER)")).join();
        int writers = 8;
        int writesEach = 250;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<CompletableFuture<Integer>>>> submitted = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                submitted.add(threads.submit(() -> {
                    List<CompletableFuture<Integer>> mine = new ArrayList<>();
                    for (int n = 0; n < writesEach; n++) {
                        mine.add(database.write(insert(writer, n)));
                    }
                    return mine;
                }));
            }
            for (Future<List<CompletableFuture<Integer>>> each : submitted) {
                each.get(30, TimeUnit.SECONDS).forEach(CompletableFuture::join);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(query(database,
                "SELECT count(*) || '/' || count(DISTINCT writer || ':' || n) FROM t"))
                .isEqualTo((writers * writesEach) + "/" + (writers * writesEach));
    }

    @Test
    void aFailingWriteFailsOnlyItselfWhileTheRestOfItsBatchCommits() throws Exception {
        database.write(c -> update(c, "CREATE TABLE t (name TEXT)")).join();
        Gate gate = new Gate();
        CompletableFuture<Object> held = database.write(gate::hold);
        gate.awaitHeld();
        long batchesBefore = database.committedBatches();

        CompletableFuture<Integer> first = database.write(insertName("first"));
        CompletableFuture<Integer> failing = database.write(c -> {
            insertName("half-done").run(c);
            throw new SQLException("boom");
        });
        CompletableFuture<Integer> crashing = database.write(c -> {
            insertName("crashed").run(c);
            throw new IllegalStateException("bug in a bundle");
        });
        CompletableFuture<Integer> last = database.write(insertName("last"));
        gate.open();

        held.join();
        assertThat(first.join()).isEqualTo(1);
        assertThat(last.join()).isEqualTo(1);
        assertThatThrownBy(failing::join).hasCauseInstanceOf(SQLException.class)
                .hasRootCauseMessage("boom");
        assertThatThrownBy(crashing::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(database.committedBatches() - batchesBefore)
                .as("the held write's batch, then one batch for the four queued behind it")
                .isEqualTo(2);
        assertThat(query(database,
                "SELECT group_concat(name, ',') FROM (SELECT name FROM t ORDER BY rowid)"))
                .isEqualTo("first,last");
    }

    @Test
    void aForeignKeyViolationFailsOnlyItsOwnWrite() throws Exception {
        database.write(c -> update(c, "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                + "CREATE TABLE child (parent INTEGER NOT NULL REFERENCES parent (id))")).join();
        Gate gate = new Gate();
        CompletableFuture<Object> held = database.write(gate::hold);
        gate.awaitHeld();

        CompletableFuture<Integer> parent = database.write(c -> update(c,
                "INSERT INTO parent VALUES (1)"));
        CompletableFuture<Integer> orphan = database.write(c -> update(c,
                "INSERT INTO child VALUES (99)"));
        CompletableFuture<Integer> child = database.write(c -> update(c,
                "INSERT INTO child VALUES (1)"));
        gate.open();

        held.join();
        assertThat(parent.join() + child.join()).isEqualTo(2);
        assertThatThrownBy(orphan::join).hasMessageContaining("FOREIGN KEY");
        assertThat(query(database, "SELECT count(*) FROM child")).isEqualTo("1");
    }

    @Test
    void batchesAreBounded() throws Exception {
        database.close();
        database = open(StoreOptions.defaults().withMaxBatchSize(2));
        database.write(c -> update(c, "CREATE TABLE t (name TEXT)")).join();
        Gate gate = new Gate();
        CompletableFuture<Object> held = database.write(gate::hold);
        gate.awaitHeld();
        long batchesBefore = database.committedBatches();

        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(database.write(insertName("w" + i)));
        }
        gate.open();
        held.join();
        queued.forEach(CompletableFuture::join);

        assertThat(database.committedBatches() - batchesBefore)
                .as("the held write's batch, then 2 + 2 + 1").isEqualTo(4);
    }

    @Test
    void closingFinishesQueuedWritesAndRefusesNewOnes() throws Exception {
        database.write(c -> update(c, "CREATE TABLE t (name TEXT)")).join();
        Gate gate = new Gate();
        CompletableFuture<Object> held = database.write(gate::hold);
        gate.awaitHeld();
        CompletableFuture<Integer> queued = database.write(insertName("queued"));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(database::close);
        gate.open();
        closing.get(30, TimeUnit.SECONDS);

        held.join();
        assertThat(queued.join()).isEqualTo(1);
        assertThatThrownBy(() -> database.write(insertName("late")).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("closed");
        try (SqliteDatabase reopened = open(StoreOptions.defaults())) {
            assertThat(query(reopened, "SELECT name FROM t")).isEqualTo("queued");
        }
    }

    private SqliteDatabase open(StoreOptions options) throws SQLException {
        return SqliteDatabase.open(dir.resolve("switchboard.db"), options, Clock.systemUTC());
    }

    private static SqlWork<Integer> insert(int writer, int n) {
        return c -> {
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                statement.setInt(1, writer);
                statement.setInt(2, n);
                return statement.executeUpdate();
            }
        };
    }

    private static SqlWork<Integer> insertName(String name) {
        return c -> {
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                statement.setString(1, name);
                return statement.executeUpdate();
            }
        };
    }

    /** Holds the writer thread inside a write until the test opens it. */
    private static final class Gate {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        Object hold(java.sql.Connection connection) throws SQLException {
            held.countDown();
            await(opened);
            return null;
        }

        void awaitHeld() {
            await(held);
        }

        void open() {
            opened.countDown();
        }

        /** A ceiling against a hung test, not a pause: the latch normally opens at once. */
        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("gate not reached within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
