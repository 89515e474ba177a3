package io.switchboard.sip.internal.registrar;

import io.switchboard.sip.api.SipRegistration;
import java.time.Instant;

/** One registered contact of a device (RFC 3261 §10.3). */
public record Binding(String user, String contact, String transport, String source, String callId, long cseq,
                      Instant expires) {

    public SipRegistration toApi() {
        return new SipRegistration(contact, transport, source, expires);
    }
}
