package io.switchboard.api.call;

import java.time.Instant;

/**
 * A snapshot of one leg of a call.
 *
 * @param id        the leg's id, unique among live legs
 * @param driver    the channel driver's name ({@code sip}, {@code card})
 * @param direction {@code inbound} (it brought the call) or {@code outbound} (core dialled it)
 * @param state     its state now
 * @param peer      who is on it: a SIP URI's user@host, a card channel, a number
 * @param codec     the negotiated codec name ({@code PCMU}, {@code PCMA}), empty before negotiation
 * @param created   when it was created
 */
public record LegInfo(String id, String driver, String direction, LegState state, String peer, String codec,
        Instant created) {
}
