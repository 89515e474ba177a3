package io.switchboard.sip.internal.leg;

import io.switchboard.sip.internal.stack.SipMessages;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Response;

/** Adds Retry-After to a 503 so well-behaved peers back off instead of retrying at once. */
public final class RetryAfter {

    /** Seconds a refused peer is asked to wait. */
    public static final int SECONDS = 5;

    private RetryAfter() {
    }

    public static void add(SipMessages sip, Response response) {
        try {
            response.setHeader(sip.headers.createRetryAfterHeader(SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("retry-after", e);
        }
    }
}
