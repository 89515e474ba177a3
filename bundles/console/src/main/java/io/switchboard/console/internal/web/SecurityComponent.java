package io.switchboard.console.internal.web;

import io.switchboard.console.internal.AdminBootstrap;
import io.switchboard.console.internal.AuthenticatedUser;
import io.switchboard.console.internal.LockoutPolicy;
import io.switchboard.console.internal.LoginResult;
import io.switchboard.console.internal.LoginService;
import io.switchboard.console.internal.PasswordHasher;
import io.switchboard.console.internal.Secrets;
import io.switchboard.console.internal.TokenAuthenticator;
import io.switchboard.console.internal.TokenService;
import io.switchboard.console.internal.UserDirectory;
import io.switchboard.store.api.Database;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Wires the account engines to the console's database and configuration, and makes sure an
 * {@code admin} exists. A configuration change re-creates the component (and the filter and
 * servlets that use it); all state is in the database, so nothing is lost.
 */
@Component(service = ConsoleSecurity.class, configurationPid = SecurityComponent.PID)
@Designate(ocd = SecurityComponent.Config.class)
public final class SecurityComponent implements ConsoleSecurity {

    public static final String PID = "io.switchboard.console";

    @ObjectClassDefinition(id = PID, name = "Switchboard console",
            description = "Login, bearer tokens and lockout of the web console and REST API.")
    public @interface Config {

        @AttributeDefinition(name = "Token lifetime (minutes)",
                description = "How long a token from POST /api/v1/auth/token is valid.", min = "1")
        int tokenLifetimeMinutes() default 480;

        @AttributeDefinition(name = "Failed logins before lockout",
                description = "Consecutive wrong passwords after which a user is locked.", min = "1")
        int lockoutThreshold() default 5;

        @AttributeDefinition(name = "Lockout (minutes)",
                description = "How long a locked user cannot log in.", min = "1")
        int lockoutMinutes() default 15;
    }

    private final LoginService logins;
    private final TokenAuthenticator authenticator;

    @Activate
    public SecurityComponent(
            @Reference(target = "(" + Database.SCHEMA + "=io.switchboard.console)") Database database,
            Config config) throws SQLException {
        Clock clock = Clock.systemUTC();
        Secrets secrets = new Secrets(new SecureRandom());
        PasswordHasher hasher = new PasswordHasher(secrets, PasswordHasher.DEFAULT_ITERATIONS);
        TokenService tokens = new TokenService(clock, secrets,
                Duration.ofMinutes(config.tokenLifetimeMinutes()));
        LockoutPolicy lockout = new LockoutPolicy(config.lockoutThreshold(),
                Duration.ofMinutes(config.lockoutMinutes()));
        this.logins = new LoginService(database, clock, hasher, tokens, lockout);
        this.authenticator = new TokenAuthenticator(database, tokens);
        // System.out is the operator's terminal (or journald), never the log files.
        new AdminBootstrap(new UserDirectory(database, clock), hasher, secrets, System::getenv,
                System.out::println).ensureAdmin();
    }

    @Override
    public LoginResult login(String username, String password, String remoteAddress) throws SQLException {
        return logins.login(username, password, remoteAddress);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) throws SQLException {
        return authenticator.authenticate(bearerToken);
    }
}
