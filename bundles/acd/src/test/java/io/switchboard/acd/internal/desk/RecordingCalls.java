package io.switchboard.acd.internal.desk;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.call.LegInfo;
import io.switchboard.api.call.LegState;
import io.switchboard.api.call.OriginateRequest;
import io.switchboard.api.call.PlayRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's call control as the desk's unit tests need it: calls with legs, attached data and
 * controller state, and a log of what the desk asked for. Events are made by the test
 * ({@link #event}) and handed to the desk by it, so each case says exactly what happened.
 */
final class RecordingCalls implements CallControl {

    private final Clock clock;
    private final Map<String, MutableCall> calls = new LinkedHashMap<>();
    final List<String> actions = new ArrayList<>();
    /** A call whose caller hangs up while the ACD dials an agent for it (core has ended it; the event is yet to come). */
    String endsWhileDialling;
    private int legs;

    RecordingCalls(Clock clock) {
        this.clock = clock;
    }

    private static final class MutableCall {
        final String id;
        final String caller;
        String dialled = "200";
        CallState state = CallState.OFFERED;
        final List<LegInfo> legs = new ArrayList<>();
        final Map<String, Object> attached = new HashMap<>();
        final Map<String, Object> controllerState = new HashMap<>();
        final List<String> bridged = new ArrayList<>();

        MutableCall(String id, String caller) {
            this.id = id;
            this.caller = caller;
        }
    }

    /** A caller whose call is offered to the ACD. */
    void newCall(String callId, String caller) {
        MutableCall call = new MutableCall(callId, caller);
        call.legs.add(leg(callId + "-caller", LegState.RINGING));
        calls.put(callId, call);
    }

    CallEvent event(String callId, String type, Map<String, Object> data) {
        return new CallEvent(callId, type, clock.instant(), data);
    }

    /** The far end of a leg answered (the agent picked up). */
    CallEvent legAnswered(String callId, String legId) {
        setLeg(callId, legId, LegState.ANSWERED);
        return event(callId, "leg.answered", Map.of("legId", legId));
    }

    CallEvent legEnded(String callId, String legId, Cause cause) {
        setLeg(callId, legId, LegState.ENDED);
        return event(callId, "leg.ended", Map.of("legId", legId, "cause", cause.name()));
    }

    /** The caller hangs up: core ends every leg; the test delivers call.ended. */
    CallEvent callerHangsUp(String callId) {
        MutableCall call = require(callId);
        call.state = CallState.ENDED;
        for (LegInfo leg : List.copyOf(call.legs)) {
            setLeg(callId, leg.id(), LegState.ENDED);
        }
        return event(callId, "call.ended", Map.of("cause", "NORMAL"));
    }

    /** Removes an ended call, as core does once its controller heard call.ended. */
    void forget(String callId) {
        calls.remove(callId);
    }

    String lastLeg(String callId) {
        List<LegInfo> list = require(callId).legs;
        return list.get(list.size() - 1).id();
    }

    Map<String, Object> attached(String callId) {
        return Map.copyOf(require(callId).attached);
    }

    Map<String, Object> state(String callId) {
        return Map.copyOf(require(callId).controllerState);
    }

    // ---- CallControl

    @Override
    public Optional<CallInfo> call(String callId) {
        MutableCall call = calls.get(callId);
        return Optional.ofNullable(call).map(this::info);
    }

    @Override
    public List<CallInfo> calls() {
        return calls.values().stream().map(this::info).toList();
    }

    @Override
    public void answer(String callId) {
        MutableCall call = require(callId);
        call.state = CallState.ANSWERED;
        setLeg(callId, call.legs.get(0).id(), LegState.ANSWERED);
        actions.add("answer " + callId);
    }

    @Override
    public void ring(String callId) {
        actions.add("ring " + callId);
    }

    @Override
    public String play(String callId, PlayRequest request) {
        require(callId);
        actions.add("play " + callId + " " + String.join(",", request.items()));
        return "p" + actions.size();
    }

    @Override
    public void stopPlayback(String callId) {
        actions.add("stop " + callId);
    }

    @Override
    public void sendDigits(String callId, String legId, String digits) {
        actions.add("digits " + callId + " " + digits);
    }

    @Override
    public String dial(String callId, DialRequest request) {
        MutableCall call = require(callId);
        String legId = callId + "-leg" + (++legs);
        call.legs.add(leg(legId, LegState.RINGING));
        actions.add("dial " + callId + " " + request.destination() + " " + request.timeout().toSeconds() + "s");
        if (callId.equals(endsWhileDialling)) {
            call.state = CallState.ENDED;
        }
        return legId;
    }

    @Override
    public String originate(OriginateRequest request) {
        String callId = "out" + (++legs);
        String destination = request.dial().destination();
        MutableCall call = new MutableCall(callId, destination.substring(destination.indexOf(':') + 1));
        call.dialled = destination;
        call.legs.add(new LegInfo(callId + "-party", "sip", "outbound", LegState.RINGING, destination, "PCMU", clock.instant()));
        merge(call.attached, request.attached());
        merge(call.controllerState, request.controllerState());
        calls.put(callId, call);
        actions.add("originate " + destination + " as " + request.dial().callerId());
        return callId;
    }

    /** The party an originated call rang answered. */
    CallEvent partyAnswered(String callId) {
        MutableCall call = require(callId);
        call.state = CallState.ANSWERED;
        setLeg(callId, call.legs.get(0).id(), LegState.ANSWERED);
        return event(callId, "call.answered", Map.of("legId", call.legs.get(0).id()));
    }

    @Override
    public void bridge(String callId, String legA, String legB) {
        MutableCall call = require(callId);
        call.bridged.clear();
        call.bridged.addAll(List.of(legA, legB));
        actions.add("bridge " + callId + " " + legA + " " + legB);
    }

    @Override
    public void unbridge(String callId) {
        require(callId).bridged.clear();
        actions.add("unbridge " + callId);
    }

    @Override
    public void hold(String callId, String legId, boolean onHold) {
        actions.add((onHold ? "hold " : "resume ") + callId + " " + legId);
    }

    @Override
    public void hangupLeg(String callId, String legId, Cause cause) {
        setLeg(callId, legId, LegState.ENDED);
        actions.add("hangupLeg " + callId + " " + legId);
    }

    @Override
    public void hangup(String callId, Cause cause) {
        MutableCall call = require(callId);
        if (call.state == CallState.ENDED) {
            throw new CallControlException("call " + callId + " has ended");
        }
        call.state = CallState.ENDED;
        actions.add("hangup " + callId + " " + cause);
    }

    @Override
    public void handOver(String callId, String controller, Map<String, Object> params) {
        actions.add("handOver " + callId + " " + controller);
    }

    @Override
    public void attach(String callId, Map<String, Object> values) {
        merge(require(callId).attached, values);
    }

    @Override
    public void remember(String callId, Map<String, Object> values) {
        MutableCall call = require(callId);
        if (call.state == CallState.ENDED) {
            throw new CallControlException("call " + callId + " has ended"); // as core says
        }
        merge(call.controllerState, values);
    }

    /** The caller's leg is still being answered (the ACD asked; the driver has not confirmed). */
    void answerPending(String callId) {
        MutableCall call = require(callId);
        call.state = CallState.OFFERED;
        setLeg(callId, call.legs.get(0).id(), LegState.RINGING);
    }

    /** The caller hangs up; core ends the call, its call.ended not yet delivered. */
    void endedInCore(String callId) {
        require(callId).state = CallState.ENDED;
    }

    private static void merge(Map<String, Object> target, Map<String, Object> values) {
        values.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else {
                target.put(key, value);
            }
        });
    }

    private MutableCall require(String callId) {
        MutableCall call = calls.get(callId);
        if (call == null) {
            throw new CallControlException("no call " + callId);
        }
        return call;
    }

    private void setLeg(String callId, String legId, LegState state) {
        List<LegInfo> list = require(callId).legs;
        for (int i = 0; i < list.size(); i++) {
            LegInfo leg = list.get(i);
            if (leg.id().equals(legId)) {
                list.set(i, new LegInfo(leg.id(), leg.driver(), leg.direction(), state, leg.peer(), leg.codec(), leg.created()));
            }
        }
    }

    private LegInfo leg(String id, LegState state) {
        return new LegInfo(id, "sip", "in", state, "peer", "PCMU", clock.instant());
    }

    private CallInfo info(MutableCall call) {
        return new CallInfo(call.id, call.state, call.dialled, call.caller, clock.instant(), "acd", call.legs, call.bridged,
                call.attached, call.controllerState);
    }
}
