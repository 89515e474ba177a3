package io.switchboard.api.host;

import java.util.Map;

/**
 * The outcome of a host operation.
 *
 * @param status  how the operation ended
 * @param values  named results ({@code balance}, {@code currency}); empty unless {@link HostStatus#OK}
 * @param message a human-readable reason for anything but {@link HostStatus#OK}, free of secrets
 */
public record HostResult(HostStatus status, Map<String, String> values, String message) {
    public HostResult {
        values = Map.copyOf(values);
    }
}
