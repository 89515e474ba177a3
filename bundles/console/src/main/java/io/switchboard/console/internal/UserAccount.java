package io.switchboard.console.internal;

import java.time.Instant;

/** A row of {@code console_user}. {@code passwordHash} is in {@link PasswordHasher}'s format. */
public record UserAccount(String username, Role role, String passwordHash, Instant createdAt,
        LoginState loginState) {

    public AuthenticatedUser asAuthenticated() {
        return new AuthenticatedUser(username, role);
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", role=" + role + "]";
    }
}
