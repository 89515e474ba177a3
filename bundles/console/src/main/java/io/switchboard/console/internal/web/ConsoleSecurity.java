package io.switchboard.console.internal.web;

import io.switchboard.console.internal.AuthenticatedUser;
import io.switchboard.console.internal.LoginResult;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The console's accounts as its web components use them; a service private to this bundle, so
 * that the filter and servlets share one set of engines and one configuration.
 */
public interface ConsoleSecurity {

    LoginResult login(String username, String password, String remoteAddress) throws SQLException;

    Optional<AuthenticatedUser> authenticate(String bearerToken) throws SQLException;
}
