package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.config.AcdConfigStore;
import io.switchboard.acd.internal.config.RecordingJournal;
import io.switchboard.testsupport.ManualClock;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.nio.file.Path;
import java.time.Duration;

/** A real store on a real SQLite file with the ACD's migration, and a journal that records. */
final class StoreFixture implements AutoCloseable {

    final SqliteTestDatabase db;
    final RecordingJournal journal = new RecordingJournal();
    final AcdConfigStore store;

    StoreFixture(Path dir) throws Exception {
        db = new SqliteTestDatabase(dir, "/db/migration/V1__acd_config.sql");
        store = new AcdConfigStore(db, journal, new ManualClock(), Duration.ofSeconds(5));
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
