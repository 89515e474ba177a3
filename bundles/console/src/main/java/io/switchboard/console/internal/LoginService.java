package io.switchboard.console.internal;

import io.switchboard.store.api.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Username and password in, bearer token out; counts failures per user, locks, and audits every
 * attempt. Passwords are checked outside any database transaction (a PBKDF2 check takes hundreds of
 * milliseconds and must not hold the store's single writer); the failure count is then read and
 * updated inside one write so that concurrent failures are all counted.
 *
 * <p>Holds no mutable state; safe for concurrent use.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final Database database;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LockoutPolicy lockout;
    private final String unmatchableHash;
    private final UserTable users = new UserTable();
    private final TokenTable tokenTable = new TokenTable();
    private final AuditTrail audit = new AuditTrail();

    public LoginService(Database database, Clock clock, PasswordHasher hasher, TokenService tokens,
            LockoutPolicy lockout) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.unmatchableHash = hasher.unmatchableHash();
    }

    public LoginResult login(String username, String password, String remoteAddress) throws SQLException {
        Optional<UserAccount> account = database.read(connection -> users.find(connection, username));
        if (account.isEmpty()) {
            // Same work as for a real user, so timing does not reveal which usernames exist.
            hasher.verify(password, unmatchableHash);
            record(username, "login.failure", remoteAddress, "unknown user");
            return new LoginResult.InvalidCredentials();
        }
        UserAccount user = account.get();
        Instant now = Timestamps.truncate(clock.instant());
        if (lockout.isLocked(user.loginState(), now)) {
            record(username, "login.refused", remoteAddress, "locked until " + Timestamps.format(
                    user.loginState().lockedUntil()));
            return new LoginResult.Locked(user.loginState().lockedUntil());
        }
        if (hasher.verify(password, user.passwordHash())) {
            return succeed(user, password, remoteAddress);
        }
        return fail(user, remoteAddress);
    }

    private LoginResult succeed(UserAccount user, String password, String remoteAddress) throws SQLException {
        IssuedToken token = tokens.issue();
        // Hashed before the write for the same reason as above; only when the KDF settings moved on.
        String upgradedHash = hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : null;
        Stages.await(database.write(connection -> {
            Instant now = Timestamps.truncate(clock.instant());
            users.saveLoginState(connection, user.username(), lockout.afterSuccess());
            if (upgradedHash != null) {
                users.savePasswordHash(connection, user.username(), upgradedHash);
            }
            tokenTable.deleteExpired(connection, now);
            tokenTable.insert(connection, token, user.username(), "login", now);
            audit.append(connection, new AuditEntry(now, user.username(), "login.success", remoteAddress,
                    upgradedHash != null ? "password hash upgraded" : null));
            return null;
        }));
        LOG.info("Console user {} logged in from {}", user.username(), remoteAddress);
        return new LoginResult.Success(token, user.asAuthenticated());
    }

    private LoginResult fail(UserAccount user, String remoteAddress) throws SQLException {
        LoginState after = Stages.await(database.write(connection -> recordFailure(connection, user, remoteAddress)));
        LOG.info("Failed console login for {} from {} ({} in a row)", user.username(), remoteAddress,
                after.failedLogins());
        // The attempt that triggers the lock is still reported as wrong credentials; the next is locked.
        return new LoginResult.InvalidCredentials();
    }

    private LoginState recordFailure(Connection connection, UserAccount user, String remoteAddress)
            throws SQLException {
        Instant now = Timestamps.truncate(clock.instant());
        // Re-read on the writer: another failure may have committed since our read.
        LoginState before = users.find(connection, user.username()).map(UserAccount::loginState)
                .orElse(user.loginState());
        LoginState after = lockout.afterFailure(before, now);
        users.saveLoginState(connection, user.username(), after);
        audit.append(connection, new AuditEntry(now, user.username(), "login.failure", remoteAddress,
                "wrong password"));
        if (after.lockedUntil() != null && !lockout.isLocked(before, now)) {
            audit.append(connection, new AuditEntry(now, user.username(), "login.locked", remoteAddress,
                    after.failedLogins() + " consecutive failures, locked until "
                            + Timestamps.format(after.lockedUntil())));
            LOG.warn("Console user {} locked until {} after {} failed logins", user.username(),
                    after.lockedUntil(), after.failedLogins());
        }
        return after;
    }

    private void record(String actor, String action, String remoteAddress, String detail) throws SQLException {
        Stages.await(database.write(connection -> {
            audit.append(connection, new AuditEntry(Timestamps.truncate(clock.instant()), actor, action,
                    remoteAddress, detail));
            return null;
        }));
        LOG.info("Refused console login for {} from {}: {}", actor, remoteAddress, detail);
    }
}
