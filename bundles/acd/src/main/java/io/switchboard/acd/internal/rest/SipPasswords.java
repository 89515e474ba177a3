package io.switchboard.acd.internal.rest;

/**
 * Sets the SIP password of an agent's phone. Its own service, registered by
 * {@link SipDevicesPasswords} only when the SIP bundle's {@code SipDevices} is there, so that the
 * agents servlet never loads a class of the optional {@code io.switchboard.sip.api} package.
 */
public interface SipPasswords {

    /** @throws IllegalStateException with a message for the admin when the SIP driver refused */
    void set(String sipUser, String password);
}
