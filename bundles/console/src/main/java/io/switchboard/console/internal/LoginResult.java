package io.switchboard.console.internal;

import java.time.Instant;

/** How a login attempt ended. */
public sealed interface LoginResult {

    /** The credentials were right; {@code token} is handed to the client once. */
    record Success(IssuedToken token, AuthenticatedUser user) implements LoginResult {
    }

    /** Unknown user or wrong password: deliberately indistinguishable. */
    record InvalidCredentials() implements LoginResult {
    }

    /** Too many consecutive failures; no password is checked until {@code until}. */
    record Locked(Instant until) implements LoginResult {
    }
}
