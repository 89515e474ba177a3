package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.ConfigException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * CRUD over one kind of ACD configuration: {@code GET|POST <path>},
 * {@code GET|PUT|DELETE <path>/{id}}, and {@code <path>/{id}/<sub>} handed to
 * {@link #subresource}. Reading for admins and supervisors, changes for admins; the store
 * journals each change with the user's name.
 */
abstract class ConfigServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String kind;

    /** @param kind as messages name it: "agents", "queues", "customer classes" */
    ConfigServlet(String path, String kind) {
        super(Set.of("GET", "POST", "PUT", "DELETE"));
        this.path = path;
        this.kind = kind;
    }

    /** Every item, as a view. */
    protected abstract List<?> list() throws ConfigException;

    /** One item's view; 404 when there is none. */
    protected abstract Object view(String id) throws ApiException, ConfigException;

    /** Parses the body and creates or replaces the item; the saved item's view and id. */
    protected abstract Saved save(ObjectNode body, String pathId, String actor)
            throws ApiException, ConfigException;

    protected abstract void delete(String id, String actor) throws ConfigException;

    /** {@code <path>/{id}/<name>}; none by default. */
    protected void subresource(String id, String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException {
        throw Paths.notFound(request);
    }

    /** Whether this request may read item {@code id}; admins and supervisors may read any. */
    protected boolean mayRead(HttpServletRequest request, String id) {
        return Roles.any(request, Roles.READ);
    }

    /** A saved item: its view and id. */
    record Saved(String id, Object view) {
    }

    @Override
    protected final void handle(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException {
        List<String> segments = Paths.segments(request);
        try {
            switch (segments.size()) {
                case 0 -> collection(request, response);
                case 1 -> item(segments.get(0), request, response);
                case 2 -> subresource(segments.get(0), segments.get(1), request, response);
                default -> throw Paths.notFound(request);
            }
        } catch (ConfigException e) {
            throw ApiException.of(e);
        }
    }

    private void collection(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException, ConfigException {
        String method = request.getMethod();
        switch (method) {
            case "GET" -> {
                Roles.require(request, Roles.READ, "read the " + kind);
                json.write(response, HttpServletResponse.SC_OK, list());
            }
            case "POST" -> {
                Roles.require(request, Roles.CHANGE, "change the " + kind);
                Saved created = save(json.readObject(request), null, request.getRemoteUser());
                response.setHeader("Location", path + "/" + created.id());
                json.write(response, HttpServletResponse.SC_CREATED, created.view());
            }
            default -> throw notAllowed(method, "GET, POST", response);
        }
    }

    private void item(String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException, ConfigException {
        String method = request.getMethod();
        switch (method) {
            case "GET" -> {
                if (!mayRead(request, id)) {
                    throw Roles.forbidden(Roles.READ, "read the " + kind);
                }
                json.write(response, HttpServletResponse.SC_OK, view(id));
            }
            case "PUT" -> {
                Roles.require(request, Roles.CHANGE, "change the " + kind);
                json.write(response, HttpServletResponse.SC_OK,
                        save(json.readObject(request), id, request.getRemoteUser()).view());
            }
            case "DELETE" -> {
                Roles.require(request, Roles.CHANGE, "change the " + kind);
                delete(id, request.getRemoteUser());
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> throw notAllowed(method, "GET, PUT, DELETE", response);
        }
    }
}
