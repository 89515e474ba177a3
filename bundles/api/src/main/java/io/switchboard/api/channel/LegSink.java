package io.switchboard.api.channel;

import io.switchboard.api.call.Cause;
import org.osgi.annotation.versioning.ProviderType;

/** Where a driver reports what happens on one channel; provided by core, safe from any thread. */
@ProviderType
public interface LegSink {

    /** Core's id of the leg this channel is. */
    String legId();

    /** The far end alerts (outbound SIP 180). */
    void ringing();

    /** Early media flows (outbound SIP 183 with SDP). */
    void early();

    /** The channel is answered: 200 OK sent and ACKed (inbound) or received (outbound). */
    void answered();

    /** The far end put the channel on hold, or resumed it. */
    void held(boolean onHold);

    /** A digit signalled outside the media stream (SIP INFO, a card's event queue). */
    void digit(char digit, int durationMs);

    /** The channel ended; nothing more will be reported. */
    void ended(Cause cause);
}
