package io.switchboard.console.internal.web;

import io.switchboard.console.internal.LoginResult;
import io.switchboard.console.internal.Timestamps;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/auth/token {"username","password"}} → {@code {"token","expiresAt"}};
 * 401 {@code invalid_credentials} alike for unknown users and wrong passwords; 429 {@code locked}
 * with Retry-After while the user is locked out.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(TokenServlet.PATH)
@HttpWhiteboardServletName("switchboard-auth-token")
public final class TokenServlet extends ApiServlet {

    static final String PATH = "/api/v1/auth/token";
    /** RFC 6585's Too Many Requests; jakarta.servlet 6.0 has no constant for it. */
    static final int SC_TOO_MANY_REQUESTS = 429;

    private static final long serialVersionUID = 1L;

    public record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    public record TokenBody(String token, String expiresAt) {
    }

    private final transient ConsoleSecurity security;

    @Activate
    public TokenServlet(@Reference ConsoleSecurity security) {
        super(new Json(), Set.of("POST"));
        this.security = security;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException, BadRequestException {
        Credentials credentials = json.read(request, Credentials.class);
        if (credentials.username() == null || credentials.password() == null) {
            throw new BadRequestException("Both \"username\" and \"password\" are required.");
        }
        LoginResult result = security.login(credentials.username(), credentials.password(), request.getRemoteAddr());
        if (result instanceof LoginResult.Success success) {
            json.write(response, HttpServletResponse.SC_OK, new TokenBody(success.token().secret(),
                    Timestamps.format(success.token().expiresAt())));
        } else if (result instanceof LoginResult.Locked locked) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds(locked.until())));
            json.error(response, SC_TOO_MANY_REQUESTS, "locked",
                    "Too many failed logins: this user is locked until " + Timestamps.format(locked.until()) + ".");
        } else {
            json.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_credentials",
                    "Wrong username or password.");
        }
    }

    private static long retryAfterSeconds(Instant until) {
        long seconds = Duration.between(Instant.now(), until).toSeconds() + 1;
        return Math.max(1, seconds);
    }
}
