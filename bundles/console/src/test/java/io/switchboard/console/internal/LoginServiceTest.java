package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginServiceTest {

    private static final String FROM = "192.0.2.10";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final Secrets secrets = new Secrets(new SecureRandom());
    private final PasswordHasher hasher = new PasswordHasher(secrets, 1_000);
    private final TokenService tokens = new TokenService(clock, secrets, Duration.ofHours(8));
    private SqliteTestDatabase database;
    private LoginService logins;
    private TokenAuthenticator authenticator;

    @BeforeEach
    void createUser() throws Exception {
        database = new SqliteTestDatabase(dir, "/db/migration/V1__users_tokens_audit.sql");
        logins = new LoginService(database, clock, hasher, tokens, new LockoutPolicy(5, Duration.ofMinutes(15)));
        authenticator = new TokenAuthenticator(database, tokens);
        new UserDirectory(database, clock).create("1001", Role.AGENT, hasher.hash("demo-1001"), AuditEntry.SYSTEM, null);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void rightPasswordGivesATokenThatAuthenticates() throws Exception {
        LoginResult result = logins.login("1001", "demo-1001", FROM);

        assertThat(result).isInstanceOf(LoginResult.Success.class);
        IssuedToken token = ((LoginResult.Success) result).token();
        assertThat(authenticator.authenticate(token.secret()))
                .contains(new AuthenticatedUser("1001", Role.AGENT));
        assertThat(authenticator.authenticate(token.secret() + "x")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
    }

    @Test
    void onlyTheTokenHashIsStored() throws Exception {
        IssuedToken token = ((LoginResult.Success) logins.login("1001", "demo-1001", FROM)).token();

        assertThat(database.queryString("SELECT token_hash FROM console_token")).isEqualTo(tokens.hashOf(token.secret()));
        assertThat(database.queryString("SELECT count(*) FROM console_token WHERE token_hash = '" + token.secret() + "'"))
                .isEqualTo("0");
        assertThat(database.queryString("SELECT expires_at FROM console_token")).isEqualTo("2025-03-01T17:00:00.000Z");
    }

    @Test
    void tokenStopsWorkingWhenItExpiresAndIsPrunedAtTheNextLogin() throws Exception {
        IssuedToken token = ((LoginResult.Success) logins.login("1001", "demo-1001", FROM)).token();

        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(authenticator.authenticate(token.secret())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticator.authenticate(token.secret())).isEmpty();

        logins.login("1001", "demo-1001", FROM);
        assertThat(database.count("console_token")).isEqualTo(1);
    }

    @Test
    void revokedTokenIsRefused() throws Exception {
        IssuedToken token = ((LoginResult.Success) logins.login("1001", "demo-1001", FROM)).token();

        database.write(c -> c.createStatement().executeUpdate(
                "UPDATE console_token SET revoked_at = '2025-03-01T09:30:00.000Z'"));

        assertThat(authenticator.authenticate(token.secret())).isEmpty();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        assertThat(logins.login("nobody", "demo-1001", FROM)).isEqualTo(new LoginResult.InvalidCredentials());
        assertThat(logins.login("1001", "wrong", FROM)).isEqualTo(new LoginResult.InvalidCredentials());
    }

    @Test
    void fiveConsecutiveFailuresLockTheUserEvenAgainstTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(logins.login("1001", "wrong" + i, FROM)).isEqualTo(new LoginResult.InvalidCredentials());
        }

        assertThat(logins.login("1001", "demo-1001", FROM))
                .isEqualTo(new LoginResult.Locked(clock.instant().plus(Duration.ofMinutes(15))));
    }

    @Test
    void lockEndsAfterFifteenMinutes() throws Exception {
        for (int i = 0; i < 5; i++) {
            logins.login("1001", "wrong", FROM);
        }

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(logins.login("1001", "demo-1001", FROM)).isInstanceOf(LoginResult.Locked.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(logins.login("1001", "demo-1001", FROM)).isInstanceOf(LoginResult.Success.class);
        assertThat(database.queryString("SELECT failed_logins FROM console_user WHERE username = '1001'")).isEqualTo("0");
    }

    @Test
    void aSuccessResetsTheCountSoOnlyConsecutiveFailuresLock() throws Exception {
        for (int i = 0; i < 4; i++) {
            logins.login("1001", "wrong", FROM);
        }
        logins.login("1001", "demo-1001", FROM);
        for (int i = 0; i < 4; i++) {
            logins.login("1001", "wrong", FROM);
        }

        assertThat(logins.login("1001", "demo-1001", FROM)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void failuresAreCountedPerUser() throws Exception {
        new UserDirectory(database, clock).create("1002", Role.AGENT, hasher.hash("demo-1002"), AuditEntry.SYSTEM, null);
        for (int i = 0; i < 5; i++) {
            logins.login("1001", "wrong", FROM);
        }

        assertThat(logins.login("1002", "demo-1002", FROM)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void everyAttemptIsAuditedWithWhoWhatWhenAndWhereButNoSecret() throws Exception {
        logins.login("1001", "wrong-password", FROM);
        logins.login("ghost", "ghost-password", "198.51.100.7");
        IssuedToken token = ((LoginResult.Success) logins.login("1001", "demo-1001", FROM)).token();

        assertThat(database.queryString(
                "SELECT group_concat(actor || ' ' || action || ' ' || remote_address || ' ' || at, '|')"
                        + " FROM (SELECT * FROM console_audit WHERE action LIKE 'login.%' ORDER BY id)"))
                .isEqualTo("1001 login.failure 192.0.2.10 2025-03-01T09:00:00.000Z"
                        + "|ghost login.failure 198.51.100.7 2025-03-01T09:00:00.000Z"
                        + "|1001 login.success 192.0.2.10 2025-03-01T09:00:00.000Z");
        String everything = database.queryString(
                "SELECT group_concat(actor || action || coalesce(remote_address, '') || coalesce(detail, ''), '|') FROM console_audit");
        assertThat(everything).doesNotContain("wrong-password", "ghost-password", "demo-1001", token.secret());
    }

    @Test
    void lockingIsAudited() throws Exception {
        for (int i = 0; i < 6; i++) {
            logins.login("1001", "wrong", FROM);
        }

        assertThat(database.queryString("SELECT count(*) FROM console_audit WHERE action = 'login.locked'")).isEqualTo("1");
        assertThat(database.queryString("SELECT count(*) FROM console_audit WHERE action = 'login.refused'")).isEqualTo("1");
    }

    @Test
    void aWeakerStoredHashIsUpgradedAtLogin() throws Exception {
        PasswordHasher stronger = new PasswordHasher(secrets, 2_000);
        LoginService upgrading = new LoginService(database, clock, stronger, tokens,
                new LockoutPolicy(5, Duration.ofMinutes(15)));

        assertThat(upgrading.login("1001", "demo-1001", FROM)).isInstanceOf(LoginResult.Success.class);

        assertThat(database.queryString("SELECT password_hash FROM console_user WHERE username = '1001'"))
                .startsWith("pbkdf2-sha256$2000$");
        assertThat(upgrading.login("1001", "demo-1001", FROM)).isInstanceOf(LoginResult.Success.class);
    }
}
