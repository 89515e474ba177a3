package io.switchboard.console.internal.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON endpoint: answers only the methods it names (else 405 in the API's error shape, not
 * Jetty's HTML page), turns a {@link BadRequestException} into 400 and a database failure into 500,
 * never with a stack trace.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    protected final transient Json json;
    private final Set<String> methods;

    ApiServlet(Json json, Set<String> methods) {
        this.json = json;
        this.methods = Set.copyOf(methods);
    }

    protected abstract void handle(HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException, BadRequestException;

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!methods.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", methods));
            json.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                    request.getMethod() + " is not supported here.");
            return;
        }
        try {
            handle(request, response);
        } catch (BadRequestException e) {
            json.error(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request", e.getMessage());
        } catch (SQLException e) {
            LOG.error("Database failed serving {} {}", request.getMethod(), request.getRequestURI(), e);
            json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal_error",
                    "The appliance could not complete the request; see its log.");
        }
    }
}
