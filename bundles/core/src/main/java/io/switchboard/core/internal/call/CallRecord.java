package io.switchboard.core.internal.call;

import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.LegInfo;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live call as core keeps it: legs, controller, attributes and the events queued while its
 * controller is away. Fields are guarded by this object's monitor; events are delivered through
 * {@link #events}, one at a time, in order.
 */
final class CallRecord {
    /** Events kept for a parked call; beyond this the oldest are dropped with a warning. */
    static final int MAX_QUEUED_EVENTS = 1_000;

    final String id;
    final String dialled;
    final String caller;
    final Instant started;
    final SerialExecutor events;
    final Map<String, LegRecord> legs = new LinkedHashMap<>();
    final Map<String, Object> attached = new LinkedHashMap<>();
    final Map<String, Object> controllerState = new LinkedHashMap<>();
    final Deque<CallEvent> queued = new ArrayDeque<>();

    CallState state = CallState.OFFERED;
    String controller;
    /** When the controller went away, or null while it is present. */
    Instant parkedSince;
    Timers.Cancellable parkTimer;
    /** The two bridged legs, or empty. */
    List<String> bridged = List.of();
    /** The id of the playback in progress to the caller leg, or null. */
    String playback;

    CallRecord(String id, String dialled, String caller, Instant started, SerialExecutor events) {
        this.id = id;
        this.dialled = dialled;
        this.caller = caller;
        this.started = started;
        this.events = events;
    }

    synchronized LegRecord callerLeg() {
        return legs.values().iterator().next();
    }

    synchronized LegRecord leg(String legId) {
        return legs.get(legId);
    }

    synchronized boolean parked() {
        return parkedSince != null;
    }

    synchronized List<LegRecord> liveLegs() {
        List<LegRecord> live = new ArrayList<>();
        for (LegRecord leg : legs.values()) {
            if (!leg.ended()) {
                live.add(leg);
            }
        }
        return live;
    }

    synchronized CallInfo info() {
        List<LegInfo> legInfos = new ArrayList<>();
        for (LegRecord leg : legs.values()) {
            legInfos.add(leg.info());
        }
        String controllerName = parkedSince == null ? controller : "parked:" + controller;
        return new CallInfo(id, state, dialled, caller, started, controllerName, legInfos, bridged, attached,
                controllerState);
    }
}
