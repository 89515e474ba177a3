package io.switchboard.core.internal.call;

import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A controller that keeps every event it hears, for tests to wait on. */
final class RecordingController implements CallController {
    private static final Duration CEILING = Duration.ofSeconds(10);
    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    /** The next event; fails if none comes within the ceiling. */
    CallEvent next() throws InterruptedException {
        CallEvent event = events.poll(CEILING.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + CEILING);
        }
        return event;
    }

    /** The next event of this type, skipping others. */
    CallEvent next(String type) throws InterruptedException {
        while (true) {
            CallEvent event = next();
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    boolean idle() {
        return events.isEmpty();
    }
}
