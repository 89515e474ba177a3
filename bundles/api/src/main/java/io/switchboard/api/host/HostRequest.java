package io.switchboard.api.host;

import java.time.Duration;
import java.util.Map;

/**
 * One operation asked of a host system.
 *
 * @param operation the operation name ({@code balance}, {@code verifyPin}, {@code blockCard})
 * @param params    its inputs; secret values (PINs) are passed here and must never be logged
 * @param timeout   how long the caller will wait for the answer
 */
public record HostRequest(String operation, Map<String, String> params, Duration timeout) {
    public HostRequest {
        params = Map.copyOf(params);
    }
}
