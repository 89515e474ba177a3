package io.switchboard.api.call;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Drives live calls; provided by core. Every action is asynchronous: it returns once the request
 * is accepted and reports its outcome as a {@link CallEvent} to the call's controller, in order
 * with the call's other events. Actions on an unknown or ended call, or not allowed in its state,
 * throw {@link CallControlException}.
 *
 * <p>Events a controller hears (type → data):
 * <ul>
 * <li>{@code call.offered} → dialled, caller, route, params: a new call routed to this controller</li>
 * <li>{@code call.handover} → from, params: another controller gave it the call</li>
 * <li>{@code call.unparked} → parkedMillis: the call comes back after this controller was away;
 *     the events queued meanwhile follow in order</li>
 * <li>{@code call.answered} → legId: the caller's leg (of an {@link #originate originated} call: the
 *     party called) answered; {@code call.ended} → cause</li>
 * <li>{@code leg.ringing}, {@code leg.early}, {@code leg.answered} → legId;
 *     {@code leg.ended} → legId, cause; {@code leg.held}, {@code leg.resumed} → legId</li>
 * <li>{@code call.digit} → legId, digit (one of 0-9*#A-D), durationMs</li>
 * <li>{@code media.finished} → playbackId, reason ({@code completed}, {@code stopped}, {@code interrupted})</li>
 * <li>{@code call.bridged} → legs; {@code call.unbridged}</li>
 * </ul>
 */
@ProviderType
public interface CallControl {

    /** The live call with this id. */
    Optional<CallInfo> call(String callId);

    /** Every live call. */
    List<CallInfo> calls();

    /** Answers the caller's leg. */
    void answer(String callId);

    /** Sends ringing (or early media) to an unanswered caller. */
    void ring(String callId);

    /**
     * Plays to the caller's leg, replacing what was playing.
     *
     * @return the playback's id, named again in its {@code media.finished} event
     */
    String play(String callId, PlayRequest request);

    /** Stops whatever plays to the caller; the playback ends with reason {@code stopped}. */
    void stopPlayback(String callId);

    /** Sends RFC 4733 (or card) digits on a leg. */
    void sendDigits(String callId, String legId, String digits);

    /**
     * Dials a new leg for the call; its progress arrives as {@code leg.*} events.
     *
     * @return the new leg's id
     */
    String dial(String callId, DialRequest request);

    /**
     * Places a new call: core dials the request's destination as the call's first leg (its
     * caller leg, so {@link #play} and {@link #hold} reach the party called) and the named
     * controller drives it. The controller hears {@code leg.ringing}/{@code leg.early}, then
     * {@code call.answered}, or {@code leg.ended} and {@code call.ended} when nobody answers; it
     * hears no {@code call.offered}. The call's {@code dialled} is the destination and its
     * {@code caller} the destination's address (the party called).
     *
     * @return the new call's id
     * @throws CallControlException when the appliance is draining or full, no driver dials that
     *                              kind of destination, or the controller is not present
     */
    String originate(OriginateRequest request);

    /** Bridges the media of two answered legs of the call (stops any playback to them). */
    void bridge(String callId, String legA, String legB);

    /** Undoes the call's bridge; both legs stay up, hearing silence. */
    void unbridge(String callId);

    /** Puts a leg on hold (it hears music on hold) or takes it off hold. */
    void hold(String callId, String legId, boolean onHold);

    /** Ends one leg; the call goes on while it has a leg. */
    void hangupLeg(String callId, String legId, Cause cause);

    /** Ends the call and all its legs. */
    void hangup(String callId, Cause cause);

    /**
     * Makes another controller the call's controller; it hears {@code call.handover} with these
     * params. The current controller hears nothing more of the call.
     */
    void handOver(String callId, String controller, Map<String, Object> params);

    /**
     * Sets public attached data (screen pop). A {@code null} value removes the key. Values are
     * plain data: strings, numbers, booleans, lists and maps of those.
     */
    void attach(String callId, Map<String, Object> values);

    /**
     * Sets the controllers' private state of the call: what a newer version of the controller reads
     * back to carry on. Plain data as for {@link #attach}; {@code null} removes a key.
     */
    void remember(String callId, Map<String, Object> values);
}
