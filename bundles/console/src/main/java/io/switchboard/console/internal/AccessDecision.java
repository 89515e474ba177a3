package io.switchboard.console.internal;

/** What the API filter does with a request. */
public sealed interface AccessDecision {

    /** One of the few requests that need no authentication; passed on as it came. */
    record Open() implements AccessDecision {
    }

    /** A valid token: passed on with {@code user} as its principal. */
    record Granted(AuthenticatedUser user) implements AccessDecision {
    }

    /** Answered 401 with this error code and message; {@code error} goes in WWW-Authenticate too. */
    record Unauthenticated(String error, String message) implements AccessDecision {
    }
}
