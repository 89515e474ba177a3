package io.switchboard.itests.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits until an observed state satisfies a condition. The duration is a ceiling for a broken
 * appliance, not a pause: a healthy one returns as soon as the state is there.
 */
public final class Await {
    private Await() {
    }

    public static <T> T until(Duration ceiling, Callable<T> observe, Predicate<T> condition) throws Exception {
        long deadline = System.nanoTime() + ceiling.toNanos();
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = observe.call();
                if (condition.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            Thread.onSpinWait();
            Thread.sleep(50); // poll interval of an observation loop, not a timing assumption
        }
        AssertionError failure = new AssertionError("condition not met within " + ceiling + "; last state: " + last);
        if (lastError != null) {
            failure.addSuppressed(lastError);
        }
        throw failure;
    }
}
