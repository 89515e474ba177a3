package io.switchboard.console.internal;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: creates the console user {@code admin} when there is none, with the password from
 * {@value #PASSWORD_VARIABLE} or else a random one that is shown once on the operator's console
 * (never in the log files, which are kept and shipped).
 */
public final class AdminBootstrap {

    public static final String ADMIN = "admin";
    public static final String PASSWORD_VARIABLE = "SWITCHBOARD_ADMIN_PASSWORD";
    static final int GENERATED_LENGTH = 20;

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final UnaryOperator<String> environment;
    private final Consumer<String> operatorConsole;

    /**
     * @param environment     looks up an environment variable ({@code System::getenv})
     * @param operatorConsole prints one line where only the operator sees it ({@code System.out::println})
     */
    public AdminBootstrap(UserDirectory users, PasswordHasher hasher, Secrets secrets,
            UnaryOperator<String> environment, Consumer<String> operatorConsole) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.operatorConsole = Objects.requireNonNull(operatorConsole, "operatorConsole");
    }

    /** Returns true if the admin user was created now. */
    public boolean ensureAdmin() throws SQLException {
        if (users.find(ADMIN).isPresent()) {
            return false;
        }
        String given = environment.apply(PASSWORD_VARIABLE);
        boolean generate = given == null || given.isEmpty();
        String password = generate ? secrets.password(GENERATED_LENGTH) : given;
        boolean created = users.create(ADMIN, Role.ADMIN, hasher.hash(password), AuditEntry.SYSTEM, null);
        if (!created) {
            return false;  // made concurrently by someone else, who has told the operator
        }
        if (generate) {
            operatorConsole.accept("Switchboard: console user '" + ADMIN + "' created with password "
                    + password + " (shown once)");
            LOG.info("Console user '{}' created with a generated password, shown once on standard output", ADMIN);
        } else {
            LOG.info("Console user '{}' created with the password from {}", ADMIN, PASSWORD_VARIABLE);
        }
        return true;
    }
}
