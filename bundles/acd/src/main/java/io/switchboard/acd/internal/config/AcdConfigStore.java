package io.switchboard.acd.internal.config;

import static io.switchboard.acd.internal.config.ConfigException.Reason.CONFLICT;
import static io.switchboard.acd.internal.config.ConfigException.Reason.NOT_FOUND;
import static io.switchboard.acd.internal.config.ConfigException.Reason.UNAVAILABLE;

import io.switchboard.api.journal.Journal;
import io.switchboard.store.api.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's agents, queues and customer classes, kept in its tables and served from an immutable
 * {@link AcdConfig} snapshot; the agents' states are read from {@code acd_agent_state}.
 *
 * <p>Each change is one write on the store's single writer: it reads the rows it checks against,
 * changes them and reads the result back in one transaction, so two changes cannot both pass a
 * check (two agents on one phone, a queue deleted while another starts overflowing to it). A
 * snapshot replaces the current one only if its revision (taken on the writer thread, so in
 * commit order) is newer. After the commit the change is journaled as {@code config.changed} and
 * the {@link #onChange} listeners run, on the thread that made the change.
 *
 * <p>Thread-safe: the snapshot is an atomic reference, the listeners a copy-on-write list.
 */
@Component(service = AcdConfigStore.class)
public final class AcdConfigStore {

    /** The state of an agent without a row in {@code acd_agent_state}. */
    public static final String LOGGED_OUT = "LOGGED_OUT";
    /** Framework property: create the demo configuration on the first start. */
    static final String DEMO_PROPERTY = "switchboard.demo";
    static final String SYSTEM = "system";

    private static final Logger LOG = LoggerFactory.getLogger(AcdConfigStore.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A change's body, run inside the writer's transaction. */
    @FunctionalInterface
    private interface Change {
        void apply(Connection connection) throws SQLException, ConfigException;
    }

    /** Carries a refusal out of an SqlWork, which may only throw SQLException. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(ConfigException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final Database database;
    private final Journal journal;
    private final Clock clock;
    private final Duration writeTimeout;
    private final AgentRows agentRows = new AgentRows();
    private final QueueRows queueRows = new QueueRows();
    private final CustomerClassRows classRows = new CustomerClassRows();
    private final AgentStateRows stateRows = new AgentStateRows();
    private final AtomicLong revisions = new AtomicLong();
    private final AtomicReference<AcdConfig> current = new AtomicReference<>(AcdConfig.EMPTY);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public AcdConfigStore(@Reference(target = "(" + Database.SCHEMA + "=io.switchboard.acd)") Database database,
            @Reference Journal journal, BundleContext context) throws SQLException {
        this(database, journal, Clock.systemUTC(), Duration.ofSeconds(30));
        if (Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            // not awaited: activation may run on the store's writer thread, which the seeding needs
            seedDemo().whenComplete((added, failure) -> {
                if (failure != null) {
                    LOG.error("Could not add the demo ACD configuration", failure);
                } else if (added) {
                    LOG.info("Added the demo queues, agents 1001-1005 and customer classes");
                }
            });
        }
    }

    public AcdConfigStore(Database database, Journal journal, Clock clock, Duration writeTimeout) throws SQLException {
        this.database = database;
        this.journal = journal;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        install(database.read(this::configNow));
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The whole configuration as the last committed change left it. */
    public AcdConfig config() {
        return current.get();
    }

    public List<Agent> agents() {
        return config().agents();
    }

    public Optional<Agent> agent(String id) {
        return config().agent(id);
    }

    public List<Queue> queues() {
        return config().queues();
    }

    public Optional<Queue> queue(String id) {
        return config().queue(id);
    }

    /** Highest priority first. */
    public List<CustomerClass> classes() {
        return config().classes();
    }

    public Optional<CustomerClass> customerClass(String id) {
        return config().customerClass(id);
    }

    /** Each agent's state as the state machine last stored it; agents without one are absent. */
    public Map<String, String> agentStates() throws ConfigException {
        try {
            return Map.copyOf(database.read(stateRows::states));
        } catch (SQLException e) {
            LOG.error("Could not read the agents' states", e);
            throw new ConfigException(UNAVAILABLE, "the database could not read the agents' states; see the log");
        }
    }

    /** An agent's stored state, {@link #LOGGED_OUT} without one. */
    public String agentState(String agentId) throws ConfigException {
        return agentStates().getOrDefault(agentId, LOGGED_OUT);
    }

    // ---- listening -----------------------------------------------------------------------------

    /**
     * Runs {@code listener} after every committed change (also the demo data), on the changing
     * thread; read {@link #config()} in it. A listener that throws is logged and the others run.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    // ---- agents --------------------------------------------------------------------------------

    public Agent createAgent(Agent agent, String actor) throws ConfigException {
        change("agent", agent.id(), "created", actor, connection -> {
            if (agentRows.exists(connection, agent.id())) {
                throw new ConfigException(CONFLICT, "agent " + agent.id() + " already exists");
            }
            checkDeviceFree(agent, agentRows.all(connection));
            agentRows.insert(connection, agent);
        });
        return agent;
    }

    public Agent updateAgent(Agent agent, String actor) throws ConfigException {
        change("agent", agent.id(), "updated", actor, connection -> {
            requireFound(agentRows.exists(connection, agent.id()), "agent", agent.id());
            checkDeviceFree(agent, agentRows.all(connection));
            agentRows.update(connection, agent);
        });
        return agent;
    }

    /** Deletes the agent with its skills and stored state. */
    public void deleteAgent(String id, String actor) throws ConfigException {
        change("agent", id, "deleted", actor,
                connection -> requireFound(agentRows.delete(connection, id), "agent", id));
    }

    private static void checkDeviceFree(Agent agent, List<Agent> existing) throws ConfigException {
        for (Agent other : existing) {
            if (!other.id().equals(agent.id()) && other.device().equals(agent.device())) {
                throw new ConfigException(CONFLICT, "the device " + agent.device() + " is agent " + other.id()
                        + "'s already; an agent phone rings for one agent");
            }
        }
    }

    // ---- queues --------------------------------------------------------------------------------

    public Queue createQueue(Queue queue, String actor) throws ConfigException {
        change("queue", queue.id(), "created", actor, connection -> {
            if (queueRows.exists(connection, queue.id())) {
                throw new ConfigException(CONFLICT, "queue " + queue.id() + " already exists");
            }
            checkReferencesExist(queue, connection);
            queueRows.insert(connection, queue);
        });
        return queue;
    }

    public Queue updateQueue(Queue queue, String actor) throws ConfigException {
        change("queue", queue.id(), "updated", actor, connection -> {
            requireFound(queueRows.exists(connection, queue.id()), "queue", queue.id());
            checkReferencesExist(queue, connection);
            queueRows.update(connection, queue);
        });
        return queue;
    }

    /** Refused while another queue overflows or sends its long waiters to this one. */
    public void deleteQueue(String id, String actor) throws ConfigException {
        change("queue", id, "deleted", actor, connection -> {
            List<String> users = queueRows.all(connection).stream()
                    .filter(q -> q.referencedQueues().contains(id)).map(Queue::id).toList();
            if (!users.isEmpty()) {
                throw new ConfigException(CONFLICT, "queue " + id + " is used by the overflow or onMaxWait of queue "
                        + String.join(", ", users) + "; change those queues first");
            }
            requireFound(queueRows.delete(connection, id), "queue", id);
        });
    }

    private void checkReferencesExist(Queue queue, Connection connection) throws SQLException, ConfigException {
        List<String> problems = new ArrayList<>();
        for (String referenced : new LinkedHashSet<>(queue.referencedQueues())) {
            if (!queueRows.exists(connection, referenced)) {
                problems.add("queue " + queue.id() + ": the queue '" + referenced + "' it refers to does not exist");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(ConfigException.Reason.INVALID, problems, null);
        }
    }

    // ---- customer classes ----------------------------------------------------------------------

    public CustomerClass createClass(CustomerClass customerClass, String actor) throws ConfigException {
        change("class", customerClass.id(), "created", actor, connection -> {
            if (classRows.exists(connection, customerClass.id())) {
                throw new ConfigException(CONFLICT, "customer class " + customerClass.id() + " already exists");
            }
            classRows.insert(connection, customerClass);
        });
        return customerClass;
    }

    public CustomerClass updateClass(CustomerClass customerClass, String actor) throws ConfigException {
        change("class", customerClass.id(), "updated", actor, connection -> {
            requireFound(classRows.exists(connection, customerClass.id()), "customer class", customerClass.id());
            classRows.update(connection, customerClass);
        });
        return customerClass;
    }

    public void deleteClass(String id, String actor) throws ConfigException {
        change("class", id, "deleted", actor,
                connection -> requireFound(classRows.delete(connection, id), "customer class", id));
    }

    // ---- demo data -----------------------------------------------------------------------------

    /**
     * Adds the demo configuration if it was never offered to this database; an item whose id is
     * taken already is left as it is. Does not block; completes true if it was offered now.
     */
    public CompletionStage<Boolean> seedDemo() {
        return database.write(connection -> {
            if (!DemoConfig.markOffered(connection, TIME.format(clock.instant()))) {
                return null;
            }
            for (CustomerClass customerClass : DemoConfig.CLASSES) {
                if (!classRows.exists(connection, customerClass.id())) {
                    classRows.insert(connection, customerClass);
                }
            }
            for (Queue queue : DemoConfig.QUEUES) {
                if (!queueRows.exists(connection, queue.id())) {
                    queueRows.insert(connection, queue);
                }
            }
            List<Agent> agents = agentRows.all(connection);
            for (Agent agent : DemoConfig.AGENTS) {
                if (agents.stream().noneMatch(a -> a.id().equals(agent.id()) || a.device().equals(agent.device()))) {
                    agentRows.insert(connection, agent);
                }
            }
            return configNow(connection);
        }).thenApply(config -> {
            if (config == null) {
                return false;
            }
            committed(config, SYSTEM, "demo", "acd", "created");
            return true;
        });
    }

    // ---- the change machinery ------------------------------------------------------------------

    private void change(String kind, String id, String action, String actor, Change change) throws ConfigException {
        if (actor == null || actor.isBlank()) {
            throw new ConfigException(ConfigException.Reason.INVALID, "a change needs the name of who makes it");
        }
        if (id == null) {
            throw new ConfigException(NOT_FOUND, "there is no " + kind + " without an id");
        }
        CompletionStage<AcdConfig> stage = database.write(connection -> {
            try {
                change.apply(connection);
            } catch (ConfigException e) {
                throw new Refusal(e);
            }
            return configNow(connection);
        });
        committed(await(stage), actor, kind, id, action);
    }

    private AcdConfig await(CompletionStage<AcdConfig> stage) throws ConfigException {
        try {
            return stage.toCompletableFuture().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw (ConfigException) refusal.getCause();
            }
            LOG.error("Database refused a change to the ACD configuration", e.getCause());
            throw new ConfigException(UNAVAILABLE, List.of("the database could not save the change; see the log"),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ConfigException(UNAVAILABLE, List.of("the database did not confirm the change within "
                    + writeTimeout.toSeconds() + " s; it may still be applied: read it again"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException(UNAVAILABLE, List.of("interrupted while saving the change"), e);
        }
    }

    private static void requireFound(boolean found, String kind, String id) throws ConfigException {
        if (!found) {
            throw new ConfigException(NOT_FOUND, "there is no " + kind + " " + id);
        }
    }

    /** Runs on the writer thread (or the activating one): the revision orders the snapshots. */
    private AcdConfig configNow(Connection connection) throws SQLException {
        return new AcdConfig(revisions.incrementAndGet(), agentRows.all(connection), queueRows.all(connection),
                classRows.all(connection));
    }

    private void install(AcdConfig fresh) {
        current.accumulateAndGet(fresh, (now, candidate) -> candidate.revision() > now.revision() ? candidate : now);
    }

    private void committed(AcdConfig config, String actor, String kind, String id, String action) {
        install(config);
        journalChange(actor, kind, id, action);
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A listener to ACD configuration changes failed after {} {} was {}", kind, id, action, e);
            }
        }
    }

    /** Journals the change once it is committed; it names what changed and who changed it, no values. */
    private void journalChange(String actor, String kind, String id, String action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("area", "acd");
        data.put("kind", kind);
        data.put("id", id);
        data.put("action", action);
        data.put("user", actor);
        journal.append("config.changed", null, null, data).whenComplete((seq, failure) -> {
            if (failure != null) {
                LOG.error("Could not journal that {} {} was {} by {}", kind, id, action, actor, failure);
            }
        });
    }
}
