package io.switchboard.api.channel;

import io.switchboard.api.call.Cause;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One channel of a driver (a SIP dialog, a card time slot), as core drives it. Methods return
 * quickly; outcomes come back through the channel's {@link LegSink}. Calls on an ended channel are
 * ignored.
 */
@ConsumerType
public interface Channel {

    /** The media endpoint carrying this channel's audio, opened from core's {@link MediaEngine}. */
    MediaEndpoint media();

    /** Who is on the far end, for display: {@code 13800000001@10.0.0.5}, {@code card:7}. */
    String peer();

    /** Inbound, not answered: tell the caller it rings (SIP 180). */
    void ring();

    /** Inbound, not answered: open early media (SIP 183 with SDP) so tones and prompts are heard. */
    void progress();

    /** Inbound: answer (SIP 200 OK); the driver reports {@link LegSink#answered} when it is. */
    void answer();

    /** Puts the far end on hold or takes it off (SIP re-INVITE sendonly / sendrecv). */
    void hold(boolean onHold);

    /** Ends the channel with this cause (SIP CANCEL, BYE or an error response; card on-hook). */
    void hangup(Cause cause);
}
