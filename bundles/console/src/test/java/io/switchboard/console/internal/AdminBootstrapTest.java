package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    private static final Pattern SHOWN_ONCE =
            Pattern.compile("Switchboard: console user 'admin' created with password (\\S{20}) \\(shown once\\)");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final Secrets secrets = new Secrets(new SecureRandom());
    private final PasswordHasher hasher = new PasswordHasher(secrets, 1_000);
    private final List<String> printed = new ArrayList<>();
    private SqliteTestDatabase database;
    private UserDirectory users;

    @BeforeEach
    void open() throws Exception {
        database = new SqliteTestDatabase(dir, "/db/migration/V1__users_tokens_audit.sql");
        users = new UserDirectory(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private AdminBootstrap bootstrap(Map<String, String> environment) {
        return new AdminBootstrap(users, hasher, secrets, environment::get, printed::add);
    }

    private LoginResult login(String password) throws Exception {
        return new LoginService(database, clock, hasher, new TokenService(clock, secrets, Duration.ofHours(8)),
                new LockoutPolicy(5, Duration.ofMinutes(15))).login("admin", password, "127.0.0.1");
    }

    @Test
    void generatedPasswordIsPrintedOnceAndWorks() throws Exception {
        assertThat(bootstrap(Map.of()).ensureAdmin()).isTrue();

        assertThat(printed).hasSize(1);
        Matcher line = SHOWN_ONCE.matcher(printed.get(0));
        assertThat(line.matches()).as(printed.get(0)).isTrue();
        assertThat(login(line.group(1))).isInstanceOf(LoginResult.Success.class);
        assertThat(users.find("admin")).get().extracting(UserAccount::role).isEqualTo(Role.ADMIN);
        assertThat(database.queryString("SELECT password_hash FROM console_user")).doesNotContain(line.group(1));
    }

    @Test
    void passwordFromTheEnvironmentIsUsedSilently() throws Exception {
        bootstrap(Map.of(AdminBootstrap.PASSWORD_VARIABLE, "from-the-env-123")).ensureAdmin();

        assertThat(printed).isEmpty();
        assertThat(login("from-the-env-123")).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void anEmptyVariableCountsAsUnset() throws Exception {
        bootstrap(Map.of(AdminBootstrap.PASSWORD_VARIABLE, "")).ensureAdmin();

        assertThat(printed).singleElement().asString().matches(SHOWN_ONCE);
    }

    @Test
    void laterStartsLeaveTheAdminAlone() throws Exception {
        bootstrap(Map.of(AdminBootstrap.PASSWORD_VARIABLE, "first")).ensureAdmin();

        assertThat(bootstrap(Map.of()).ensureAdmin()).isFalse();
        assertThat(bootstrap(Map.of(AdminBootstrap.PASSWORD_VARIABLE, "second")).ensureAdmin()).isFalse();

        assertThat(printed).isEmpty();
        assertThat(login("first")).isInstanceOf(LoginResult.Success.class);
        assertThat(database.queryString("SELECT count(*) FROM console_audit WHERE action = 'user.created'")).isEqualTo("1");
    }
}
