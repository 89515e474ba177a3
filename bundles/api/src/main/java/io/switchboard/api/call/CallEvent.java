package io.switchboard.api.call;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a call, as its controller hears it.
 *
 * @param callId the call's id, stable for the call's life
 * @param type   the event type, named like journal entries ({@code call.answered}, {@code call.digit})
 * @param time   when core observed it
 * @param data   plain values describing it; never a PIN or full card number
 */
public record CallEvent(String callId, String type, Instant time, Map<String, Object> data) {
    public CallEvent {
        data = Map.copyOf(data);
    }
}
