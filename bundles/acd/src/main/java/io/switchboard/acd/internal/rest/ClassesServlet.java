package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.AcdConfigStore;
import io.switchboard.acd.internal.config.ConfigException;
import io.switchboard.acd.internal.config.CustomerClass;
import jakarta.servlet.Servlet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The customer classes: {@code GET|POST /api/v1/acd/classes},
 * {@code GET|PUT|DELETE /api/v1/acd/classes/{id}}; listed highest priority first.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ClassesServlet.PATH, ClassesServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-acd-classes")
public final class ClassesServlet extends ConfigServlet {

    static final String PATH = "/api/v1/acd/classes";

    private static final long serialVersionUID = 1L;

    private final transient AcdConfigStore store;

    @Activate
    public ClassesServlet(@Reference AcdConfigStore store) {
        super(PATH, "customer classes");
        this.store = store;
    }

    @Override
    protected List<?> list() {
        return store.classes();
    }

    @Override
    protected Object view(String id) throws ApiException {
        return store.customerClass(id)
                .orElseThrow(() -> ApiException.notFound("There is no customer class " + id + "."));
    }

    @Override
    protected Saved save(ObjectNode body, String pathId, String actor) throws ApiException, ConfigException {
        CustomerClass customerClass = ClassBodies.input(body, pathId);
        CustomerClass saved = pathId == null ? store.createClass(customerClass, actor)
                : store.updateClass(customerClass, actor);
        return new Saved(saved.id(), saved);
    }

    @Override
    protected void delete(String id, String actor) throws ConfigException {
        store.deleteClass(id, actor);
    }
}
