package io.switchboard.console.internal;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waits for {@code Database.write} stages on the request thread, with the work's own exception. */
public final class Stages {

    private Stages() {
    }

    public static <T> T await(CompletionStage<T> stage) throws SQLException {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
