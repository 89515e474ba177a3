package io.switchboard.acd.internal.desk;

import java.time.Instant;
import java.util.Map;

/**
 * A caller's request to be called back instead of waiting. It keeps the caller's place (queue,
 * priority, original enqueue time) and is routed like a waiting call; it lives in the ACD's table,
 * not in a live call, because its caller has hung up.
 *
 * @param number         whom to call back (the caller's number)
 * @param originalCallId the call the request was made on
 * @param attached       that call's screen pop, shown again to the agent who calls back
 * @param attempts       call-back calls placed so far
 * @param notBefore      when the next attempt may be made (null: at once)
 * @param callId         the call-back call in progress (DIALLING), else null
 */
public record Callback(String id, String queue, String customerClass, int priority, Instant enqueuedAt, String number,
                       String originalCallId, Map<String, Object> attached, Instant requestedAt, int attempts,
                       Instant notBefore, Status status, String callId) {

    public enum Status { WAITING, DIALLING, DONE, FAILED }

    /** The engine's key for a request: call ids never contain ':'. */
    static final String KEY_PREFIX = "callback:";

    public Callback {
        attached = attached == null ? Map.of() : Map.copyOf(attached);
    }

    String routingKey() {
        return KEY_PREFIX + id;
    }

    boolean open() {
        return status == Status.WAITING || status == Status.DIALLING;
    }

    Callback dialling(String newCallId) {
        return new Callback(id, queue, customerClass, priority, enqueuedAt, number, originalCallId, attached, requestedAt,
                attempts + 1, null, Status.DIALLING, newCallId);
    }

    Callback retryAt(Instant when) {
        return new Callback(id, queue, customerClass, priority, enqueuedAt, number, originalCallId, attached, requestedAt,
                attempts, when, Status.WAITING, null);
    }

    Callback finished(Status end) {
        return new Callback(id, queue, customerClass, priority, enqueuedAt, number, originalCallId, attached, requestedAt,
                attempts, null, end, callId);
    }
}
