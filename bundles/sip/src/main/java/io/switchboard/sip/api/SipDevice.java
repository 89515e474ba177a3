package io.switchboard.sip.api;

import java.util.List;

/**
 * A device and where it is registered now.
 *
 * @param user          the digest user (an agent id)
 * @param registrations its live bindings, newest first; empty when not registered
 */
public record SipDevice(String user, List<SipRegistration> registrations) {
    public SipDevice {
        registrations = List.copyOf(registrations);
    }
}
