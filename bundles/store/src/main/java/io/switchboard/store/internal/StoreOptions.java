package io.switchboard.store.internal;

/**
 * The store's tunable settings, immutable, so a configuration change is detected by
 * {@link #equals(Object)} and the engine is rebuilt only when something really changed.
 *
 * @param busyTimeoutMillis how long a connection waits for a lock held by another connection
 *     (or another process, such as an operator's {@code sqlite3} shell) before failing
 * @param maxBatchSize the most writes committed together in one transaction
 * @param readConnections how many read connections the pool keeps open
 * @param writeQueueCapacity the most writes waiting for the writer; beyond it writes fail at once
 *     instead of piling up in memory
 */
public record StoreOptions(
        int busyTimeoutMillis, int maxBatchSize, int readConnections, int writeQueueCapacity) {

    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5_000;
    public static final int DEFAULT_MAX_BATCH_SIZE = 256;
    public static final int DEFAULT_READ_CONNECTIONS = 4;
    public static final int DEFAULT_WRITE_QUEUE_CAPACITY = 10_000;

    public StoreOptions {
        requirePositive("busyTimeoutMillis", busyTimeoutMillis);
        requirePositive("maxBatchSize", maxBatchSize);
        requirePositive("readConnections", readConnections);
        requirePositive("writeQueueCapacity", writeQueueCapacity);
    }

    public static StoreOptions defaults() {
        return new StoreOptions(DEFAULT_BUSY_TIMEOUT_MILLIS, DEFAULT_MAX_BATCH_SIZE,
                DEFAULT_READ_CONNECTIONS, DEFAULT_WRITE_QUEUE_CAPACITY);
    }

    public StoreOptions withMaxBatchSize(int size) {
        return new StoreOptions(busyTimeoutMillis, size, readConnections, writeQueueCapacity);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
