package io.switchboard.acd.internal.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON endpoint: answers only the methods it names (else 405 in the error shape), turns an
 * {@link ApiException} into its status and anything unexpected into 500, never with a stack trace.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    protected final transient Json json = new Json();
    private final Set<String> methods;

    ApiServlet(Set<String> methods) {
        this.methods = Set.copyOf(methods);
    }

    protected abstract void handle(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException;

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!methods.contains(request.getMethod())) {
                throw notAllowed(request.getMethod(), String.join(", ", methods), response);
            }
            handle(request, response);
        } catch (ApiException e) {
            json.error(response, e);
        } catch (RuntimeException e) {
            LOG.error("Failed serving {} {}", request.getMethod(), request.getRequestURI(), e);
            json.error(response, new ApiException(500, "internal_error",
                    "The appliance could not complete the request; see its log."));
        }
    }

    static ApiException notAllowed(String method, String allowed, HttpServletResponse response) {
        response.setHeader("Allow", allowed);
        return new ApiException(405, "method_not_allowed", method + " is not supported here.");
    }
}
