package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.AcdConfigStore;
import io.switchboard.acd.internal.config.ConfigException;
import io.switchboard.acd.internal.config.Queue;
import io.switchboard.acd.internal.config.QueueStatusSource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The queues: {@code GET|POST /api/v1/acd/queues}, {@code GET|PUT|DELETE /api/v1/acd/queues/{id}},
 * and {@code GET /api/v1/acd/queues/{id}/status} from the controller's {@link QueueStatusSource}
 * (503 while there is none). State: that optional service, in a volatile field set by DS.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({QueuesServlet.PATH, QueuesServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-acd-queues")
public final class QueuesServlet extends ConfigServlet {

    static final String PATH = "/api/v1/acd/queues";

    private static final long serialVersionUID = 1L;

    private final transient AcdConfigStore store;
    private transient volatile QueueStatusSource statusSource;

    @Activate
    public QueuesServlet(@Reference AcdConfigStore store) {
        super(PATH, "queues");
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStatusSource(QueueStatusSource source) {
        this.statusSource = source;
    }

    void unbindStatusSource(QueueStatusSource source) {
        if (this.statusSource == source) {
            this.statusSource = null;
        }
    }

    @Override
    protected List<?> list() {
        return store.queues();
    }

    @Override
    protected Object view(String id) throws ApiException {
        return find(id);
    }

    @Override
    protected Saved save(ObjectNode body, String pathId, String actor) throws ApiException, ConfigException {
        Queue queue = QueueBodies.input(body, pathId);
        Queue saved = pathId == null ? store.createQueue(queue, actor) : store.updateQueue(queue, actor);
        return new Saved(saved.id(), saved);
    }

    @Override
    protected void delete(String id, String actor) throws ConfigException {
        store.deleteQueue(id, actor);
    }

    @Override
    protected void subresource(String id, String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException {
        if (!"status".equals(name)) {
            throw Paths.notFound(request);
        }
        if (!"GET".equals(request.getMethod())) {
            throw notAllowed(request.getMethod(), "GET", response);
        }
        Roles.require(request, Roles.READ, "read the queues");
        find(id);
        QueueStatusSource source = statusSource;
        if (source == null) {
            throw ApiException.unavailable("The ACD controller is not running, so there are no live queue numbers.");
        }
        json.write(response, HttpServletResponse.SC_OK, QueueBodies.StatusView.of(source.status(id)));
    }

    private Queue find(String id) throws ApiException {
        return store.queue(id).orElseThrow(() -> ApiException.notFound("There is no queue " + id + "."));
    }
}
