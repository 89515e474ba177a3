package io.switchboard.sip.internal.registrar;

/**
 * A Contact of a REGISTER.
 *
 * @param uri     the contact URI as text
 * @param expires its expires parameter, or -1 when it has none
 */
public record ContactUpdate(String uri, int expires) {
}
