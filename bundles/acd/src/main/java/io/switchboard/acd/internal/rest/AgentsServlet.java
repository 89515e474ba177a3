package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.AcdConfigStore;
import io.switchboard.acd.internal.config.Agent;
import io.switchboard.acd.internal.config.ConfigException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The agents: {@code GET|POST /api/v1/acd/agents}, {@code GET|PUT|DELETE /api/v1/acd/agents/{id}}.
 * An agent may also read their own record. A written {@code sipPassword} goes to the SIP driver
 * once the agent is saved; it is never stored here nor served. {@code /agents/{id}/state} and
 * {@code /events} are the controller's, reached through {@link AgentSubresource} services.
 *
 * <p>State: the optional services are in a concurrent map and a volatile field, set by DS.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({AgentsServlet.PATH, AgentsServlet.PATH + "/*"})
@HttpWhiteboardServletName("switchboard-acd-agents")
@HttpWhiteboardServletAsyncSupported // for the events stream of the controller's AgentSubresource
public final class AgentsServlet extends ConfigServlet {

    static final String PATH = "/api/v1/acd/agents";
    /** Sub-resources the controller serves: while it is away they are 503, any other name 404. */
    static final Set<String> KNOWN_SUBRESOURCES = Set.of("state", "events", "call");

    private static final long serialVersionUID = 1L;

    private final transient AcdConfigStore store;
    private final transient Map<String, AgentSubresource> subresources = new ConcurrentHashMap<>();
    private transient volatile SipPasswords sipPasswords;

    @Activate
    public AgentsServlet(@Reference AcdConfigStore store) {
        super(PATH, "agents");
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSubresource(AgentSubresource subresource, Map<String, Object> properties) {
        if (properties.get(AgentSubresource.NAME) instanceof String name) {
            subresources.put(name, subresource);
        }
    }

    void unbindSubresource(AgentSubresource subresource, Map<String, Object> properties) {
        if (properties.get(AgentSubresource.NAME) instanceof String name) {
            subresources.remove(name, subresource);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSipPasswords(SipPasswords passwords) {
        this.sipPasswords = passwords;
    }

    void unbindSipPasswords(SipPasswords passwords) {
        if (this.sipPasswords == passwords) {
            this.sipPasswords = null;
        }
    }

    @Override
    protected List<?> list() throws ConfigException {
        Map<String, String> states = store.agentStates();
        return store.agents().stream().map(a -> AgentBodies.view(a, stateOf(a.id(), states))).toList();
    }

    @Override
    protected Object view(String id) throws ApiException, ConfigException {
        Agent agent = store.agent(id).orElseThrow(() -> ApiException.notFound("There is no agent " + id + "."));
        return AgentBodies.view(agent, store.agentState(id));
    }

    @Override
    protected boolean mayRead(HttpServletRequest request, String id) {
        return super.mayRead(request, id) || Roles.isAgentItself(request, id);
    }

    @Override
    protected Saved save(ObjectNode body, String pathId, String actor) throws ApiException, ConfigException {
        AgentBodies.Input input = AgentBodies.input(body, pathId);
        Agent agent = input.agent();
        SipPasswords passwords = input.sipPassword() == null ? null : passwordsFor(agent);
        Agent saved = pathId == null ? store.createAgent(agent, actor) : store.updateAgent(agent, actor);
        if (passwords != null) {
            setPassword(passwords, saved, input.sipPassword());
        }
        return new Saved(saved.id(), AgentBodies.view(saved, store.agentState(saved.id())));
    }

    /** Checked before saving, so a password that cannot be set leaves the agent unchanged. */
    private SipPasswords passwordsFor(Agent agent) throws ApiException {
        if (agent.sipUser().isEmpty()) {
            throw ApiException.conflict("Agent " + agent.id() + " is on " + agent.device()
                    + ", not a SIP phone, so it has no SIP password; leave sipPassword out.");
        }
        SipPasswords passwords = sipPasswords;
        if (passwords == null) {
            throw ApiException.unavailable("The SIP driver is not running, so the SIP password cannot be set;"
                    + " agent " + agent.id() + " was not saved.");
        }
        return passwords;
    }

    private static void setPassword(SipPasswords passwords, Agent agent, String password) throws ApiException {
        try {
            passwords.set(agent.sipUser().orElseThrow(), password);
        } catch (IllegalStateException e) {
            throw ApiException.unavailable("Agent " + agent.id() + " was saved, but the SIP driver could not set the"
                    + " password of " + agent.device() + " (" + e.getMessage() + "); send it again.");
        }
    }

    @Override
    protected void delete(String id, String actor) throws ConfigException {
        store.deleteAgent(id, actor);
    }

    @Override
    protected void subresource(String id, String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ApiException {
        AgentSubresource subresource = subresources.get(name);
        if (subresource == null && !KNOWN_SUBRESOURCES.contains(name)) {
            throw Paths.notFound(request);
        }
        if (store.agent(id).isEmpty()) {
            throw ApiException.notFound("There is no agent " + id + ".");
        }
        if (subresource == null) {
            throw ApiException.unavailable("The ACD controller is not running; try again in a moment.");
        }
        subresource.serve(id, request, response);
    }

    private static String stateOf(String id, Map<String, String> states) {
        return states.getOrDefault(id, AcdConfigStore.LOGGED_OUT);
    }
}
