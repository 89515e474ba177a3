package io.switchboard.api.channel;

import java.util.Map;

/**
 * A new inbound channel offered to core by a driver.
 *
 * @param driver   the driver's name
 * @param dialled  the number dialled (the Request-URI's user part, a card's DNIS)
 * @param caller   the caller's number or identity (From user, a card's ANI)
 * @param details  plain values the driver knows about the caller (source address, trunk name, device)
 */
public record InboundRequest(String driver, String dialled, String caller, Map<String, Object> details) {
    public InboundRequest {
        details = Map.copyOf(details);
    }
}
