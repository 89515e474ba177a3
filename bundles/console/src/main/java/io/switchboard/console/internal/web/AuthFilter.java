package io.switchboard.console.internal.web;

import io.switchboard.console.internal.AccessDecision;
import io.switchboard.console.internal.AccessPolicy;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request under {@code /api/v1} in the default servlet context, whichever
 * bundle registered the servlet it is for (the whiteboard applies a filter to all servlets of its
 * context whose path matches): 401 without a valid bearer token, except the open endpoints of
 * {@link AccessPolicy}; otherwise the servlet gets an {@link AuthenticatedRequest}.
 *
 * <p>Ranked high so it runs before other bundles' filters. It also turns an exception escaping a
 * servlet into the API's 500 JSON, so Jetty never renders a stack trace.
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=" + AuthFilter.RANKING)
@HttpWhiteboardFilterPattern("/api/v1/*")
@HttpWhiteboardFilterName("switchboard-api-auth")
public final class AuthFilter implements Filter {

    static final int RANKING = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

    private final AccessPolicy policy;
    private final Json json = new Json();

    @Activate
    public AuthFilter(@Reference ConsoleSecurity security) {
        this.policy = new AccessPolicy(security::authenticate);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        AccessDecision decision;
        try {
            decision = policy.decide(request.getMethod(), pathOf(request), request.getHeader("Authorization"));
        } catch (SQLException e) {
            LOG.error("Could not check a bearer token for {} {}", request.getMethod(), request.getRequestURI(), e);
            json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal_error",
                    "The appliance could not check the token; see its log.");
            return;
        }
        if (decision instanceof AccessDecision.Unauthenticated denied) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"" + denied.error() + "\"");
            json.error(response, HttpServletResponse.SC_UNAUTHORIZED, denied.error(), denied.message());
            return;
        }
        HttpServletRequest passed = request;
        if (decision instanceof AccessDecision.Granted granted) {
            passed = new AuthenticatedRequest(request, granted.user());
            // The whiteboard's own names for who is calling, for code that reads attributes.
            passed.setAttribute(ServletContextHelper.REMOTE_USER, granted.user().username());
            passed.setAttribute(ServletContextHelper.AUTHENTICATION_TYPE, AuthenticatedRequest.AUTH_TYPE);
        }
        proceed(passed, response, chain);
    }

    private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            LOG.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal_error",
                    "The appliance could not complete the request; see its log.");
        }
    }

    /** The decoded, normalised path inside the context, as the servlet mapping saw it. */
    static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
