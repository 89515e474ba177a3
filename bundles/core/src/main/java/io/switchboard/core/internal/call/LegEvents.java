package io.switchboard.core.internal.call;

import io.switchboard.api.call.CallState;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.LegState;
import io.switchboard.api.channel.LegSink;
import io.switchboard.core.internal.media.MediaListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one leg's driver and media report, turned into call events. Safe from any thread: state
 * changes happen under the call's monitor, events go through the call's ordered executor.
 */
final class LegEvents implements LegSink, MediaListener {
    private static final Logger LOG = LoggerFactory.getLogger(LegEvents.class);

    private final CallEngine engine;
    private final CallRecord call;
    private final LegRecord leg;

    LegEvents(CallEngine engine, CallRecord call, LegRecord leg) {
        this.engine = engine;
        this.call = call;
        this.leg = leg;
    }

    @Override
    public String legId() {
        return leg.id;
    }

    @Override
    public void ringing() {
        if (progress(LegState.RINGING)) {
            engine.emit(call, "leg.ringing", Map.of("legId", leg.id));
        }
    }

    @Override
    public void early() {
        if (progress(LegState.EARLY)) {
            engine.emit(call, "leg.early", Map.of("legId", leg.id));
        }
    }

    @Override
    public void answered() {
        boolean callerLeg;
        synchronized (call) {
            if (leg.ended() || leg.answered) {
                return;
            }
            leg.answered = true;
            leg.state = LegState.ANSWERED;
            callerLeg = call.legs.values().iterator().next() == leg; // inbound, or the party an originated call rang
            if (callerLeg) {
                call.state = CallState.ANSWERED;
            }
        }
        if (callerLeg) {
            engine.emit(call, "call.answered", Map.of("legId", leg.id));
        } else {
            engine.emit(call, "leg.answered", Map.of("legId", leg.id, "peer", leg.peer));
        }
    }

    @Override
    public void held(boolean onHold) {
        synchronized (call) {
            if (leg.ended() || !leg.answered || leg.heldByPeer == onHold) {
                return;
            }
            leg.heldByPeer = onHold;
            leg.state = onHold || leg.heldByUs ? LegState.HELD : LegState.ANSWERED;
        }
        engine.peerHold(call, leg, onHold);
        engine.emit(call, onHold ? "leg.held" : "leg.resumed", Map.of("legId", leg.id, "by", "peer"));
    }

    @Override
    public void digit(char digit, int durationMs) {
        synchronized (call) {
            if (leg.ended()) {
                return;
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("legId", leg.id);
        data.put("digit", String.valueOf(digit));
        data.put("durationMs", durationMs);
        engine.emit(call, "call.digit", data);
    }

    @Override
    public void ended(Cause cause) {
        engine.legEnded(call, leg, cause);
    }

    @Override
    public void playbackFinished(String playbackId, String reason) {
        engine.playbackFinished(call, leg, playbackId, reason);
    }

    @Override
    public void inactive() {
        LOG.warn("Call {}: no media on leg {} for the inactivity timeout; ending it", call.id, leg.id);
        synchronized (call) {
            if (leg.ended()) {
                return;
            }
        }
        if (leg.channel != null) {
            leg.channel.hangup(Cause.MEDIA_TIMEOUT);
        }
        ended(Cause.MEDIA_TIMEOUT);
    }

    private boolean progress(LegState next) {
        synchronized (call) {
            if (leg.ended() || leg.answered || leg.state == next) {
                return false;
            }
            leg.state = next;
            return true;
        }
    }
}
