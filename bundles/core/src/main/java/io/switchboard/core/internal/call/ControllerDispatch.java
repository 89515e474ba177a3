package io.switchboard.core.internal.call;

import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers call events to controllers by name, and parks a call whose controller is away: its
 * events queue up, in order, until a controller of that name registers again, which then hears
 * {@code call.unparked} followed by the queued events. A call parked longer than the park
 * timeout is handed to {@code onParkExpired}.
 *
 * <p>Every delivery runs on the call's {@link SerialExecutor}, so a call's events reach its
 * controller one at a time and in order. The controller map is concurrent; a call's parking state
 * is guarded by the call's monitor.
 */
final class ControllerDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerDispatch.class);

    private final Map<String, CallController> controllers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Timers timers;
    private final CallJournal journal;
    private final Duration parkTimeout;
    private final Consumer<CallRecord> onParkExpired;

    ControllerDispatch(Clock clock, Timers timers, CallJournal journal, Duration parkTimeout,
            Consumer<CallRecord> onParkExpired) {
        this.clock = clock;
        this.timers = timers;
        this.journal = journal;
        this.parkTimeout = parkTimeout;
        this.onParkExpired = onParkExpired;
    }

    boolean present(String name) {
        return controllers.containsKey(name);
    }

    /** Queues an event for the call's controller. */
    void deliver(CallRecord call, CallEvent event) {
        call.events.execute(() -> dispatch(call, event));
    }

    /** A controller registered: it takes back the calls parked under its name. */
    void arrived(String name, CallController controller, Collection<CallRecord> calls) {
        controllers.put(name, controller);
        for (CallRecord call : calls) {
            call.events.execute(() -> unpark(call));
        }
    }

    /** A controller went away: its calls park now, so the call list shows it at once. */
    void left(String name, CallController controller, Collection<CallRecord> calls) {
        if (!controllers.remove(name, controller)) {
            return;
        }
        // Park at once, not as a queued task: a successor registering before such a task ran
        // would otherwise take the call without ever hearing call.unparked.
        for (CallRecord call : calls) {
            synchronized (call) {
                if (name.equals(call.controller) && call.parkedSince == null && !present(name)) {
                    park(call);
                }
            }
        }
    }

    /** Runs {@code task} on the call's executor after every event queued so far. */
    void afterQueued(CallRecord call, Runnable task) {
        call.events.execute(task);
    }

    /** Drops the queue and the park timer of a call that ended. */
    void forget(CallRecord call) {
        synchronized (call) {
            if (call.parkTimer != null) {
                call.parkTimer.cancel();
                call.parkTimer = null;
            }
        }
    }

    private void dispatch(CallRecord call, CallEvent event) {
        CallController target;
        synchronized (call) {
            target = call.parkedSince == null ? controllers.get(call.controller) : null;
            if (target == null) {
                if (call.parkedSince == null) {
                    park(call);
                }
                queue(call, event);
                return;
            }
        }
        invoke(call.controller, target, event);
    }

    private void unpark(CallRecord call) {
        CallController target;
        Instant since;
        List<CallEvent> pending;
        synchronized (call) {
            if (call.parkedSince == null) {
                return;
            }
            target = controllers.get(call.controller);
            if (target == null) {
                return;
            }
            since = call.parkedSince;
            call.parkedSince = null;
            if (call.parkTimer != null) {
                call.parkTimer.cancel();
                call.parkTimer = null;
            }
            pending = new ArrayList<>(call.queued);
            call.queued.clear();
        }
        long parkedMillis = Duration.between(since, clock.instant()).toMillis();
        Map<String, Object> data = Map.of("controller", call.controller, "parkedMillis", parkedMillis,
                "queuedEvents", pending.size());
        journal.append("call.unparked", call.id, data);
        invoke(call.controller, target, new CallEvent(call.id, "call.unparked", clock.instant(), data));
        for (CallEvent event : pending) {
            invoke(call.controller, target, event);
        }
    }

    /** Caller holds the call's monitor. */
    private void park(CallRecord call) {
        call.parkedSince = clock.instant();
        call.parkTimer = timers.schedule(parkTimeout, () -> call.events.execute(() -> parkExpired(call)));
        journal.append("call.parked", call.id, Map.of("controller", call.controller));
        LOG.info("Call {} parked: controller {} is away", call.id, call.controller);
    }

    private void parkExpired(CallRecord call) {
        synchronized (call) {
            if (call.parkedSince == null) {
                return;
            }
            call.parkTimer = null;
        }
        LOG.warn("Call {} waited {} for controller {}; taking the fallback", call.id, parkTimeout, call.controller);
        journal.append("call.park.expired", call.id, Map.of("controller", call.controller));
        onParkExpired.accept(call);
    }

    /** Caller holds the call's monitor. */
    private void queue(CallRecord call, CallEvent event) {
        if (call.queued.size() >= CallRecord.MAX_QUEUED_EVENTS) {
            CallEvent dropped = call.queued.removeFirst();
            LOG.warn("Call {} parked with {} events queued; dropped the oldest, {}", call.id,
                    CallRecord.MAX_QUEUED_EVENTS, dropped.type());
        }
        call.queued.addLast(event);
    }

    /** Calls into a controller, which may be a vendor's: its failure is logged and the call goes on. */
    private static void invoke(String name, CallController controller, CallEvent event) {
        try {
            controller.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("Controller {} failed on {} of call {}", name, event.type(), event.callId(), e);
        }
    }

    /** Moves a call (not parked) to another controller; parks it if that one is away. Caller holds the monitor. */
    void reassign(CallRecord call, String controller) {
        call.controller = controller;
        if (call.parkedSince != null) {
            // A parked call handed on: the new controller starts afresh; the old one's events mean nothing to it.
            call.parkedSince = null;
            call.queued.clear();
            if (call.parkTimer != null) {
                call.parkTimer.cancel();
                call.parkTimer = null;
            }
        }
    }
}
