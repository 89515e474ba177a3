package io.switchboard.store.internal;

import java.time.Instant;

/** A row of the store's record of applied migrations. */
public record AppliedMigration(
        String bundle, long version, String fileName, String checksum, Instant appliedAt) {
}
