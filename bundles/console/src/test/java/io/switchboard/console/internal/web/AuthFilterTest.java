package io.switchboard.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.console.internal.AuthenticatedUser;
import io.switchboard.console.internal.LoginResult;
import io.switchboard.console.internal.Role;
import io.switchboard.testsupport.FakeHttp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AuthFilterTest {

    private static final AuthenticatedUser SUPERVISOR = new AuthenticatedUser("supervisor", Role.SUPERVISOR);

    private final AuthFilter filter = new AuthFilter(new ConsoleSecurity() {
        @Override
        public LoginResult login(String username, String password, String remoteAddress) {
            throw FakeHttp.unexpected("ConsoleSecurity.login");
        }

        @Override
        public Optional<AuthenticatedUser> authenticate(String bearerToken) throws SQLException {
            if ("db-down".equals(bearerToken)) {
                throw new SQLException("disk I/O error");
            }
            return "sup-token".equals(bearerToken) ? Optional.of(SUPERVISOR) : Optional.empty();
        }
    });
    private final AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
    private final FilterChain chain = (request, response) -> passed.set((HttpServletRequest) request);

    @Test
    void noTokenIs401JsonAndTheServletIsNotCalled() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        filter.doFilter(FakeHttp.withAuthorization("GET", "/api/v1", "/acd/agents", null), response.proxy, chain);

        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers).containsEntry("Content-Type", "application/json")
                .containsEntry("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"unauthorized\"");
        assertThat(response.body()).startsWith("{\"error\":\"unauthorized\",\"message\":\"");
    }

    @Test
    void unknownTokenIs401InvalidToken() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        filter.doFilter(FakeHttp.withAuthorization("GET", "/api/v1", "/nowhere", "Bearer stale"), response.proxy, chain);

        assertThat(response.status).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_token\"");
    }

    @Test
    void healthPassesUntouched() throws Exception {
        HttpServletRequest request = FakeHttp.withAuthorization("GET", "/api/v1/health", null, null);

        filter.doFilter(request, new FakeHttp.Response().proxy, chain);

        assertThat(passed.get()).isSameAs(request);
    }

    @Test
    void validTokenReachesTheServletWithPrincipalAndRole() throws Exception {
        filter.doFilter(FakeHttp.withAuthorization("GET", "/api/v1", "/acd/queues", "Bearer sup-token"),
                new FakeHttp.Response().proxy, chain);

        HttpServletRequest seen = passed.get();
        assertThat(seen.getUserPrincipal().getName()).isEqualTo("supervisor");
        assertThat(seen.getRemoteUser()).isEqualTo("supervisor");
        assertThat(seen.getAuthType()).isEqualTo("Bearer");
        assertThat(seen.isUserInRole("supervisor")).isTrue();
        assertThat(seen.isUserInRole("admin")).isFalse();
        assertThat(seen.getAttribute("org.osgi.service.http.authentication.remote.user")).isEqualTo("supervisor");
    }

    @Test
    void aDatabaseFailureIsA500WithoutDetails() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        filter.doFilter(FakeHttp.withAuthorization("GET", "/api/v1", "/calls", "Bearer db-down"), response.proxy, chain);

        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"internal_error\"").doesNotContain("disk I/O");
    }

    @Test
    void aServletThatThrowsGivesJson500NotAStackTrace() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        FilterChain failing = (request, res) -> {
            throw new ServletException("boom in another bundle");
        };

        filter.doFilter(FakeHttp.withAuthorization("GET", "/api/v1", "/calls", "Bearer sup-token"), response.proxy, failing);

        assertThat(response.status).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"internal_error\"").doesNotContain("boom", "at io.");
    }
}
