package io.switchboard.core.internal.call;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.call.LegState;
import io.switchboard.api.call.OriginateRequest;
import io.switchboard.api.call.PlayRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelDriver;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.journal.Journal;
import io.switchboard.core.api.InboundRouter;
import io.switchboard.core.api.RouteDecision;
import io.switchboard.core.internal.data.PlainData;
import io.switchboard.core.internal.media.AudioSource;
import io.switchboard.core.internal.media.MediaPort;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every live call: creates calls from drivers' inbound channels, routes them to their
 * controller, carries out the controller's call control and turns what legs and media report into
 * call events and journal entries. Pure Java: the OSGi component only wires it.
 *
 * <p>The call map is concurrent; each call's state is guarded by its {@link CallRecord} monitor;
 * driver and media operations run outside it.
 */
public final class CallEngine implements CallControl, ChannelHub {
    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);
    private static final String DIGITS = "0123456789*#ABCD";

    private final Clock clock;
    private final Executor pool;
    private final InboundRouter router;
    private final CallJournal journal;
    private final AudioResolver audio;
    private final CallEngineOptions options;
    private final ControllerDispatch dispatch;
    private final CallIds ids = new CallIds();
    private final AtomicLong playbacks = new AtomicLong();
    private final Map<String, CallRecord> calls = new ConcurrentHashMap<>();
    private final Map<String, ChannelDriver> driversByScheme = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private volatile boolean draining;

    public CallEngine(Clock clock, Executor pool, Timers timers, InboundRouter router, Journal journal,
            AudioResolver audio, CallEngineOptions options) {
        this.clock = clock;
        this.pool = pool;
        this.router = router;
        this.journal = new CallJournal(journal);
        this.audio = audio;
        this.options = options;
        this.dispatch = new ControllerDispatch(clock, timers, this.journal, options.parkTimeout(),
                this::parkExpired);
    }

    // --- controllers and drivers coming and going -------------------------------------------

    public void controllerArrived(String name, CallController controller) {
        dispatch.arrived(name, controller, callsOf(name));
    }

    public void controllerLeft(String name, CallController controller) {
        dispatch.left(name, controller, callsOf(name));
    }

    public void driverArrived(ChannelDriver driver, List<String> schemes) {
        for (String scheme : schemes) {
            driversByScheme.put(scheme, driver);
        }
    }

    public void driverLeft(ChannelDriver driver) {
        driversByScheme.values().removeIf(d -> d == driver);
    }

    private List<CallRecord> callsOf(String controller) {
        List<CallRecord> result = new ArrayList<>();
        for (CallRecord call : calls.values()) {
            synchronized (call) {
                if (controller.equals(call.controller)) {
                    result.add(call);
                }
            }
        }
        return result;
    }

    // --- drain --------------------------------------------------------------------------------

    /**
     * Stops taking new calls and waits until the live ones end, at most {@code limit}.
     *
     * @return how many calls are still up
     */
    public int drain(Duration limit) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (!calls.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        LOG.info("Drained: {} calls still up", calls.size());
        return calls.size();
    }

    /** Takes new calls again (a drain for an update that did not happen). */
    public void resume() {
        draining = false;
    }

    /** Ends every live call, for shutdown after the drain limit. */
    public void endAll(Cause cause) {
        for (CallRecord call : List.copyOf(calls.values())) {
            endCall(call, cause);
        }
    }

    // --- ChannelHub ---------------------------------------------------------------------------

    @Override
    public boolean accepting() {
        return !draining && calls.size() < options.maxCalls();
    }

    @Override
    public LegSink inbound(InboundRequest request, Channel channel) throws ChannelException {
        if (draining) {
            throw new ChannelException(Cause.UNAVAILABLE, "the appliance is draining");
        }
        if (calls.size() >= options.maxCalls()) {
            throw new ChannelException(Cause.UNAVAILABLE, "at the limit of " + options.maxCalls() + " calls");
        }
        RouteDecision route = router.route(request.dialled(), request.caller())
                .orElseThrow(() -> new ChannelException(Cause.NO_ROUTE, "no route for " + request.dialled()));
        CallRecord call = new CallRecord(ids.nextCall(), request.dialled(), request.caller(), clock.instant(),
                new SerialExecutor(pool));
        LegRecord leg = new LegRecord(call.id + ".1", request.driver(), true, call.started, channel,
                channel.peer());
        call.legs.put(leg.id, leg);
        call.controller = route.controller();
        calls.put(call.id, call);
        LegEvents events = new LegEvents(this, call, leg);
        listenToMedia(leg, events);

        Map<String, Object> started = new LinkedHashMap<>();
        started.put("dialled", call.dialled);
        started.put("caller", call.caller);
        started.put("driver", leg.driver);
        started.put("legId", leg.id);
        started.put("peer", leg.peer);
        started.put("route", route.routeId());
        started.put("routeReason", route.reason());
        started.put("controller", route.controller());
        journal.append("call.started", call.id, started);

        Map<String, Object> offered = new LinkedHashMap<>();
        offered.put("dialled", call.dialled);
        offered.put("caller", call.caller);
        offered.put("legId", leg.id);
        offered.put("route", route.routeId());
        offered.put("params", route.params());
        offered.put("details", request.details());
        emit(call, "call.offered", offered);
        return events;
    }

    // --- CallControl: queries -----------------------------------------------------------------

    @Override
    public Optional<CallInfo> call(String callId) {
        CallRecord call = calls.get(callId);
        return call == null ? Optional.empty() : Optional.of(call.info());
    }

    @Override
    public List<CallInfo> calls() {
        List<CallInfo> result = new ArrayList<>();
        for (CallRecord call : calls.values()) {
            result.add(call.info());
        }
        result.sort((a, b) -> a.started().compareTo(b.started()));
        return result;
    }

    // --- CallControl: actions -----------------------------------------------------------------

    @Override
    public void answer(String callId) {
        LegRecord leg = unansweredCallerLeg(callId);
        leg.channel.answer();
    }

    @Override
    public void ring(String callId) {
        LegRecord leg = unansweredCallerLeg(callId);
        leg.channel.ring();
    }

    @Override
    public String play(String callId, PlayRequest request) {
        CallRecord call = requireCall(callId);
        LegRecord leg = call.callerLeg();
        MediaPort media = requireMedia(call, leg);
        List<AudioSource> sources = new ArrayList<>();
        for (String item : request.items()) {
            try {
                sources.add(audio.resolve(item, request.language()));
            } catch (IllegalArgumentException e) {
                throw new CallControlException(e.getMessage());
            }
        }
        String playbackId = call.id + ".p" + playbacks.incrementAndGet();
        synchronized (call) {
            call.playback = playbackId;
        }
        media.play(playbackId, sources, request.interruptible(), request.loop());
        return playbackId;
    }

    @Override
    public void stopPlayback(String callId) {
        CallRecord call = requireCall(callId);
        requireMedia(call, call.callerLeg()).stopPlayback();
    }

    @Override
    public void sendDigits(String callId, String legId, String digits) {
        for (char digit : digits.toCharArray()) {
            if (DIGITS.indexOf(digit) < 0) {
                throw new CallControlException("not a DTMF digit: " + digit);
            }
        }
        CallRecord call = requireCall(callId);
        requireMedia(call, requireLeg(call, legId)).sendDigits(digits);
    }

    @Override
    public String dial(String callId, DialRequest request) {
        CallRecord call = requireCall(callId);
        return dialLeg(call, driverFor(request.destination()), request);
    }

    @Override
    public String originate(OriginateRequest request) {
        if (draining) {
            throw new CallControlException("the appliance is draining; it places no new calls");
        }
        if (calls.size() >= options.maxCalls()) {
            throw new CallControlException("at the limit of " + options.maxCalls() + " calls");
        }
        String destination = request.dial().destination();
        ChannelDriver driver = driverFor(destination);
        if (!dispatch.present(request.controller())) {
            throw new CallControlException("no controller named " + request.controller() + " is present");
        }
        PlainData.checked(request.attached(), "attached data");
        CallRecord call = new CallRecord(ids.nextCall(), destination, destination.substring(destination.indexOf(':') + 1),
                clock.instant(), new SerialExecutor(pool));
        call.controller = request.controller();
        putAll(call.attached, request.attached());
        putAll(call.controllerState, request.controllerState());
        calls.put(call.id, call);

        Map<String, Object> started = new LinkedHashMap<>();
        started.put("dialled", call.dialled);
        started.put("caller", call.caller);
        started.put("driver", driver.name());
        started.put("direction", "outbound");
        started.put("controller", call.controller);
        journal.append("call.started", call.id, started);
        dialLeg(call, driver, request.dial());
        return call.id;
    }

    private ChannelDriver driverFor(String destination) {
        String scheme = destination.substring(0, destination.indexOf(':'));
        ChannelDriver driver = driversByScheme.get(scheme);
        if (driver == null) {
            throw new CallControlException("no channel driver dials " + scheme + ": destinations");
        }
        return driver;
    }

    private String dialLeg(CallRecord call, ChannelDriver driver, DialRequest request) {
        LegRecord leg;
        synchronized (call) {
            if (call.state == CallState.ENDED) {
                throw new CallControlException("call " + call.id + " has ended");
            }
            leg = new LegRecord(ids.nextLeg(call), driver.name(), false, clock.instant(), null,
                    request.destination());
            call.legs.put(leg.id, leg);
        }
        LegEvents events = new LegEvents(this, call, leg);
        journal.append("leg.dialled", call.id, Map.of("legId", leg.id, "destination", request.destination(),
                "driver", driver.name()));
        try {
            Channel channel = driver.originate(leg.id, request, events);
            boolean endedMeanwhile;
            synchronized (call) {
                leg.channel = channel;
                leg.peer = channel.peer();
                endedMeanwhile = leg.ended();
            }
            if (endedMeanwhile) {
                // the call ended while the driver was dialling: nobody else will hang this channel up
                channel.hangup(Cause.NORMAL);
                return leg.id;
            }
            listenToMedia(leg, events);
        } catch (ChannelException e) {
            LOG.info("Call {}: {} not dialled: {}", call.id, request.destination(), e.getMessage());
            dispatch.afterQueued(call, () -> events.ended(e.cause()));
        } catch (RuntimeException e) {
            LOG.error("Call {}: driver {} failed to dial {}", call.id, driver.name(), request.destination(), e);
            dispatch.afterQueued(call, () -> events.ended(Cause.ERROR));
        }
        return leg.id;
    }

    @Override
    public void bridge(String callId, String legA, String legB) {
        CallRecord call = requireCall(callId);
        LegRecord a = requireLeg(call, legA);
        LegRecord b = requireLeg(call, legB);
        MediaPort mediaA = requireMedia(call, a);
        MediaPort mediaB = requireMedia(call, b);
        List<String> bridged = a == b ? List.of(a.id) : List.of(a.id, b.id);
        synchronized (call) {
            if (!a.answered || !b.answered) {
                throw new CallControlException("only answered legs can be bridged");
            }
            call.bridged = bridged;
            call.playback = null;
        }
        mediaA.stopPlayback();
        mediaB.stopPlayback();
        mediaA.relayTo(mediaB);
        mediaB.relayTo(mediaA);
        emit(call, "call.bridged", Map.of("legs", bridged));
    }

    @Override
    public void unbridge(String callId) {
        CallRecord call = requireCall(callId);
        if (unbridgeMedia(call)) {
            emit(call, "call.unbridged", Map.of());
        }
    }

    @Override
    public void hold(String callId, String legId, boolean onHold) {
        CallRecord call = requireCall(callId);
        LegRecord leg = requireLeg(call, legId);
        MediaPort media = requireMedia(call, leg);
        synchronized (call) {
            if (!leg.answered || leg.ended()) {
                throw new CallControlException("leg " + legId + " is not answered");
            }
            if (leg.heldByUs == onHold) {
                return;
            }
            leg.heldByUs = onHold;
            leg.state = onHold ? LegState.HELD : LegState.ANSWERED;
        }
        leg.channel.hold(onHold);
        if (onHold) {
            // The held party hears music; what was relayed to it waits until the music stops.
            media.play(call.id + ".hold" + playbacks.incrementAndGet(), List.of(audio.resolve("moh", "")), false,
                    true);
        } else {
            media.stopPlayback();
        }
        emit(call, onHold ? "leg.held" : "leg.resumed", Map.of("legId", leg.id, "by", "controller"));
    }

    @Override
    public void hangupLeg(String callId, String legId, Cause cause) {
        CallRecord call = requireCall(callId);
        LegRecord leg = requireLeg(call, legId);
        Channel channel;
        synchronized (call) {
            channel = leg.channel;
        }
        if (channel != null) {
            channel.hangup(cause);
        }
        new LegEvents(this, call, leg).ended(cause);
    }

    @Override
    public void hangup(String callId, Cause cause) {
        endCall(requireCall(callId), cause);
    }

    @Override
    public void handOver(String callId, String controller, Map<String, Object> params) {
        CallRecord call = requireCall(callId);
        Object plainParams = PlainData.copy("params", params);
        String from;
        synchronized (call) {
            from = call.controller;
            dispatch.reassign(call, controller);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from);
        data.put("to", controller);
        data.put("params", plainParams);
        emit(call, "call.handover", data);
    }

    @Override
    public void attach(String callId, Map<String, Object> values) {
        CallRecord call = requireCall(callId);
        PlainData.checked(values, "attached data"); // attached data is served: no secret key in it
        synchronized (call) {
            putAll(call.attached, values);
        }
    }

    @Override
    public void remember(String callId, Map<String, Object> values) {
        CallRecord call = requireCall(callId);
        synchronized (call) {
            putAll(call.controllerState, values);
        }
    }

    // --- what legs and media report (called by LegEvents) -------------------------------------

    void emit(CallRecord call, String type, Map<String, Object> data) {
        journal.append(type, call.id, journalView(type, data));
        dispatch.deliver(call, new CallEvent(call.id, type, clock.instant(), data));
    }

    void playbackFinished(CallRecord call, LegRecord leg, String playbackId, String reason) {
        synchronized (call) {
            if (playbackId.equals(call.playback)) {
                call.playback = null;
            }
        }
        emit(call, "media.finished", Map.of("playbackId", playbackId, "reason", reason, "legId", leg.id));
    }

    /** The far end of a bridged leg put it on hold or resumed: the other party hears music meanwhile. */
    void peerHold(CallRecord call, LegRecord leg, boolean onHold) {
        LegRecord other = bridgedPeer(call, leg);
        if (other == null || other.media() == null) {
            return;
        }
        if (onHold) {
            other.media().play(call.id + ".hold" + playbacks.incrementAndGet(), List.of(audio.resolve("moh", "")),
                    false, true);
        } else {
            other.media().stopPlayback();
        }
    }

    void legEnded(CallRecord call, LegRecord leg, Cause cause) {
        boolean callerLeg;
        boolean anyLive;
        boolean wasBridged;
        synchronized (call) {
            if (leg.ended()) {
                return;
            }
            leg.state = LegState.ENDED;
            callerLeg = call.legs.values().iterator().next() == leg;
            anyLive = !call.liveLegs().isEmpty();
            wasBridged = call.bridged.contains(leg.id);
        }
        if (wasBridged && unbridgeMedia(call)) {
            emit(call, "call.unbridged", Map.of("legId", leg.id));
        }
        emit(call, "leg.ended", Map.of("legId", leg.id, "cause", cause.name()));
        if (callerLeg || !anyLive) {
            endCall(call, cause);
        }
    }

    // --- internals ----------------------------------------------------------------------------

    private void endCall(CallRecord call, Cause cause) {
        List<LegRecord> live;
        synchronized (call) {
            if (call.state == CallState.ENDED) {
                return;
            }
            call.state = CallState.ENDED;
            live = call.liveLegs();
            for (LegRecord leg : live) {
                leg.state = LegState.ENDED;
            }
        }
        unbridgeMedia(call);
        for (LegRecord leg : live) {
            if (leg.channel != null) {
                try {
                    leg.channel.hangup(cause);
                } catch (RuntimeException e) {
                    LOG.error("Call {}: driver {} failed to hang up leg {}", call.id, leg.driver, leg.id, e);
                }
            }
        }
        dispatch.forget(call);
        long durationMs = Duration.between(call.started, clock.instant()).toMillis();
        emit(call, "call.ended", Map.of("cause", cause.name(), "durationMs", durationMs));
        dispatch.afterQueued(call, () -> {
            calls.remove(call.id);
            synchronized (idle) {
                idle.notifyAll();
            }
        });
    }

    private void parkExpired(CallRecord call) {
        String fallback = options.parkFallbackNumber();
        Optional<RouteDecision> route = fallback.isEmpty() ? Optional.empty() : router.route(fallback, call.caller);
        if (route.isPresent() && dispatch.present(route.get().controller())) {
            handOver(call.id, route.get().controller(), route.get().params());
        } else {
            endCall(call, Cause.ERROR);
        }
    }

    private boolean unbridgeMedia(CallRecord call) {
        List<LegRecord> bridged = new ArrayList<>();
        synchronized (call) {
            for (String legId : call.bridged) {
                bridged.add(call.legs.get(legId));
            }
            call.bridged = List.of();
        }
        for (LegRecord leg : bridged) {
            MediaPort media = leg.media();
            if (media != null) {
                media.relayTo(null);
            }
        }
        return !bridged.isEmpty();
    }

    private LegRecord bridgedPeer(CallRecord call, LegRecord leg) {
        synchronized (call) {
            if (call.bridged.size() == 2 && call.bridged.contains(leg.id)) {
                String other = call.bridged.get(0).equals(leg.id) ? call.bridged.get(1) : call.bridged.get(0);
                return call.legs.get(other);
            }
            return null;
        }
    }

    private void listenToMedia(LegRecord leg, LegEvents events) {
        MediaPort media = leg.media();
        if (media != null) {
            media.listener(events);
        }
    }

    private CallRecord requireCall(String callId) {
        CallRecord call = calls.get(callId);
        if (call == null) {
            throw new CallControlException("no live call " + callId);
        }
        synchronized (call) {
            if (call.state == CallState.ENDED) {
                throw new CallControlException("call " + callId + " has ended");
            }
        }
        return call;
    }

    private static LegRecord requireLeg(CallRecord call, String legId) {
        LegRecord leg = call.leg(legId);
        if (leg == null) {
            throw new CallControlException("call " + call.id + " has no leg " + legId);
        }
        synchronized (call) {
            if (leg.ended()) {
                throw new CallControlException("leg " + legId + " has ended");
            }
        }
        return leg;
    }

    private static MediaPort requireMedia(CallRecord call, LegRecord leg) {
        MediaPort media = leg.media();
        if (media == null) {
            throw new CallControlException("leg " + leg.id + " of call " + call.id + " has no media yet");
        }
        return media;
    }

    private LegRecord unansweredCallerLeg(String callId) {
        CallRecord call = requireCall(callId);
        LegRecord leg = call.callerLeg();
        synchronized (call) {
            if (!leg.inbound) {
                throw new CallControlException("call " + callId + " was placed by the appliance; the party called answers it");
            }
            if (leg.answered || leg.ended()) {
                throw new CallControlException("call " + callId + " is already answered");
            }
        }
        return leg;
    }

    private static void putAll(Map<String, Object> target, Map<String, Object> values) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                target.remove(entry.getKey());
            } else {
                target.put(entry.getKey(), PlainData.copy(entry.getKey(), entry.getValue()));
            }
        }
    }

    /**
     * What the journal keeps of an event: everything but the digit itself, because core cannot
     * know whether a controller is collecting a PIN. Controllers journal the digits they know to
     * be public (menu choices) themselves.
     */
    private static Map<String, Object> journalView(String type, Map<String, Object> data) {
        if (!"call.digit".equals(type)) {
            return data;
        }
        Map<String, Object> view = new LinkedHashMap<>(data);
        view.remove("digit");
        return view;
    }
}
