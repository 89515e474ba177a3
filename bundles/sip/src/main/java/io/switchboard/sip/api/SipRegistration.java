package io.switchboard.sip.api;

import java.time.Instant;

/**
 * One binding of a device.
 *
 * @param contact   the Contact URI the device registered
 * @param transport udp or tcp
 * @param source    the address:port the REGISTER came from
 * @param expires   when the binding lapses unless refreshed
 */
public record SipRegistration(String contact, String transport, String source, Instant expires) {
}
