package io.switchboard.acd.internal;

import io.switchboard.acd.internal.agent.AgentBoard;
import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStateTable;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.agent.TransitionRefused;
import io.switchboard.acd.internal.config.AcdConfigStore;
import io.switchboard.acd.internal.config.CentreStatus;
import io.switchboard.acd.internal.config.CentreStatusSource;
import io.switchboard.acd.internal.config.QueueStatus;
import io.switchboard.acd.internal.config.QueueStatusSource;
import io.switchboard.acd.internal.desk.AcdDesk;
import io.switchboard.acd.internal.desk.AgentNotices;
import io.switchboard.acd.internal.desk.CallbackPolicy;
import io.switchboard.acd.internal.desk.CallbackTable;
import io.switchboard.acd.internal.desk.CentreWatch;
import io.switchboard.acd.internal.desk.ConfigDirectory;
import io.switchboard.acd.internal.desk.Timers;
import io.switchboard.acd.internal.routing.QueueRules;
import io.switchboard.acd.internal.routing.RoutingEngine;
import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.journal.Journal;
import io.switchboard.api.routing.RoutingStrategy;
import io.switchboard.store.api.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD as a call controller named {@code acd}: wires the desk to core, the configuration
 * store, the agents' state table, vendor routing strategies, one timer thread, and the agents'
 * live event streams. Everything a newer version needs is in core (calls' controller state) or
 * the database (agents' states), and today's queue numbers are read back from the journal, so this
 * component carries nothing across an update.
 */
@Component(service = {CallController.class, QueueStatusSource.class, CentreStatusSource.class, AgentDesk.class},
        property = CallController.NAME + "=acd", configurationPid = AcdComponent.PID)
@Designate(ocd = AcdComponent.Config.class)
public final class AcdComponent implements CallController, QueueStatusSource, CentreStatusSource, AgentDesk {

    public static final String PID = "io.switchboard.acd";
    private static final Logger LOG = LoggerFactory.getLogger(AcdComponent.class);
    private static final String DEMO_PRIVATE_BANKING_CALLER = "13800000001";

    @ObjectClassDefinition(id = PID, name = "Switchboard ACD", description = "Queues, agents and routing.")
    public @interface Config {

        @AttributeDefinition(name = "Ageing", description = "Seconds of waiting worth one point of customer priority, "
                + "so a long-waiting standard caller is not starved by a stream of priority callers.")
        int ageingSecondsPerPriorityPoint() default 10;

        @AttributeDefinition(name = "Private-banking callers",
                description = "Caller numbers treated as private-banking customers when nothing else names their class.")
        String[] privateBankingCallers() default {};

        @AttributeDefinition(name = "Call-back attempts",
                description = "Calls placed to a customer who asked for a call-back and does not answer, before the request is given up.")
        int callbackAttempts() default 3;

        @AttributeDefinition(name = "Call-back retry", description = "Seconds between call-back attempts; the request keeps its place meanwhile.")
        int callbackRetrySeconds() default 120;

        @AttributeDefinition(name = "Call-back ring time", description = "Seconds the customer's phone rings on a call-back.")
        int callbackRingSeconds() default 30;

        @AttributeDefinition(name = "Call-back caller id",
                description = "The number customers see when called back (the hotline's); empty for the trunk's default.")
        String callbackCallerId() default "";
    }

    private static CallbackPolicy callbackPolicy(Config config) {
        return new CallbackPolicy(Math.max(1, config.callbackAttempts()), Duration.ofSeconds(Math.max(1, config.callbackRetrySeconds())),
                Duration.ofSeconds(Math.max(5, config.callbackRingSeconds())), config.callbackCallerId());
    }

    private final CallControl calls;
    private final AcdConfigStore store;
    private final AgentEvents events;
    private final CentreWatch centre;
    private final AgentBoard board;
    private final RoutingEngine engine;
    private final ConfigDirectory directory;
    private final AcdDesk desk;
    private final AgentStateTable table;
    private final ScheduledExecutorService timer;
    private final ExecutorService delivery;
    private final Map<String, RoutingStrategy> strategies = new ConcurrentHashMap<>();
    private final Set<String> definedQueues = new HashSet<>();
    private final Runnable reload = this::reloadConfig;
    private final Clock clock = Clock.tick(Clock.systemDefaultZone(), Duration.ofMillis(1));

    @Activate
    public AcdComponent(BundleContext context, Config config, @Reference CallControl calls, @Reference Journal journal,
                        @Reference(target = "(" + Database.SCHEMA + "=io.switchboard.acd)") Database database,
                        @Reference AcdConfigStore store) throws SQLException {
        this.calls = calls;
        this.store = store;
        this.table = new AgentStateTable(database);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-acd-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-acd-events");
            thread.setDaemon(true);
            return thread;
        });
        this.events = new AgentEvents(timer, delivery);
        this.centre = new CentreWatch(clock, new ExecutorTimers(), this::pushCentreStatus);
        centre.replay(journal, database.write(connection -> null)); // the write queues behind the last version's entries
        Journal tapped = centre.tap(journal);
        Set<String> vip = new HashSet<>(List.of(config.privateBankingCallers()));
        if (Boolean.parseBoolean(context.getProperty("switchboard.demo"))) {
            vip.add(DEMO_PRIVATE_BANKING_CALLER);
        }
        this.directory = new ConfigDirectory(store::config, vip);
        this.engine = new RoutingEngine(Duration.ofSeconds(Math.max(1, config.ageingSecondsPerPriorityPoint())),
                name -> Optional.ofNullable(strategies.get(name)));
        AgentNotices notices = events::publish;
        this.board = new AgentBoard(clock, ZoneId.systemDefault(), (previous, current) -> agentChanged(tapped, previous, current));
        this.desk = new AcdDesk(calls, tapped, board, engine, directory, new ExecutorTimers(), notices, clock,
                new CallbackTable(database), callbackPolicy(config), centre::recentHandleTime);
        synchronized (desk) {
            board.load(table.load());
            defineQueues();
            reconcileAgents();
            for (AgentStatus status : board.all()) {
                if (status.state() == AgentState.READY) {
                    desk.agentChanged(status);
                }
            }
            desk.resumeCallbacks();
        }
        store.onChange(reload);
        LOG.info("ACD ready: {} queues, {} agents logged in", directory.queues().size(),
                board.all().stream().filter(status -> status.state().loggedIn()).count());
    }

    @Deactivate
    void deactivate() {
        store.removeOnChange(reload);
        events.close();
        timer.shutdownNow();
        delivery.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStrategy(RoutingStrategy strategy, Map<String, Object> properties) {
        if (properties.get(RoutingStrategy.NAME) instanceof String name) {
            strategies.put(name, strategy);
        }
    }

    void unbindStrategy(RoutingStrategy strategy, Map<String, Object> properties) {
        if (properties.get(RoutingStrategy.NAME) instanceof String name) {
            strategies.remove(name, strategy);
        }
    }

    // ---- CallController

    @Override
    public void onEvent(CallEvent event) {
        synchronized (desk) {
            desk.onEvent(event);
        }
    }

    // ---- AgentDesk (the agents' and supervisors' REST)

    @Override
    public AgentStatus request(String agentId, AgentState target, String reason) throws TransitionRefused {
        synchronized (desk) {
            AgentStatus current = board.status(agentId);
            if (current.state() != AgentState.WRAP_UP && current.callId() != null && calls.call(current.callId()).isEmpty()) {
                reconcile(current); // its call is gone without the ACD hearing of it: never leave the agent stuck
                current = board.status(agentId);
            }
            if (current.state() == AgentState.WRAP_UP && target == AgentState.READY) {
                return board.wrapUpDone(agentId);
            }
            return board.request(agentId, target, reason);
        }
    }

    @Override
    public void hold(String agentId, boolean onHold) throws TransitionRefused {
        synchronized (desk) {
            desk.hold(agentId, onHold);
        }
    }

    @Override
    public void hangup(String agentId) throws TransitionRefused {
        synchronized (desk) {
            desk.hangup(agentId);
        }
    }

    @Override
    public void transfer(String agentId, String target) throws TransitionRefused {
        synchronized (desk) {
            desk.transfer(agentId, target);
        }
    }

    @Override
    public void consult(String agentId, String target) throws TransitionRefused {
        synchronized (desk) {
            desk.consult(agentId, target);
        }
    }

    @Override
    public void completeConsultation(String agentId) throws TransitionRefused {
        synchronized (desk) {
            desk.completeConsultation(agentId);
        }
    }

    @Override
    public void cancelConsultation(String agentId) throws TransitionRefused {
        synchronized (desk) {
            desk.cancelConsultation(agentId);
        }
    }

    @Override
    public AgentStatus agentStatus(String agentId) {
        synchronized (desk) {
            return board.status(agentId);
        }
    }

    @Override
    public AgentEvents events() {
        return events;
    }

    // ---- QueueStatusSource

    @Override
    public QueueStatus status(String queueId) {
        synchronized (desk) {
            Instant now = clock.instant();
            long longest = engine.oldestEnqueued(queueId).map(at -> Duration.between(at, now).toSeconds()).orElse(0L);
            Map<String, Integer> agents = new LinkedHashMap<>();
            Optional<QueueRules> rules = directory.queue(queueId).map(plan -> plan.rules());
            for (AgentStatus status : board.all()) {
                boolean serves = rules.isPresent() && directory.agent(status.agentId())
                        .map(profile -> profile.skills().getOrDefault(rules.get().requirement().skill(), 0)
                                >= rules.get().requirement().minimumLevel())
                        .orElse(false);
                if (serves) {
                    agents.merge(status.state().name(), 1, Integer::sum);
                }
            }
            return new QueueStatus(engine.waiting(queueId), longest, agents);
        }
    }

    // ---- CentreStatusSource

    @Override
    public CentreStatus centreStatus() {
        synchronized (desk) {
            return centre.snapshot(store.config(), board::status, this::status, callId -> calls.call(callId)
                    .map(call -> call.attached().get("queue")).filter(String.class::isInstance).map(String.class::cast));
        }
    }

    /** On the timer thread, after changes and at most every 500 ms: a fresh snapshot for the supervisors watching. */
    private void pushCentreStatus() {
        if (events.watched(AgentEvents.CENTRE)) {
            events.publish(AgentEvents.CENTRE, "status", centreStatus());
        }
    }

    // ---- wiring

    private void agentChanged(Journal journal, AgentStatus previous, AgentStatus current) {
        table.save(current);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", current.state().name());
        if (current.reason() != null) {
            data.put("reason", current.reason());
        }
        if (previous != null) {
            data.put("previous", previous.state().name());
        }
        if (current.callId() != null) {
            data.put("callId", current.callId());
        }
        journal.append("agent.state", current.callId(), current.agentId(), data);
        events.publish(current.agentId(), "state", data);
        desk.agentChanged(current);
    }

    private void reloadConfig() {
        synchronized (desk) {
            defineQueues();
            Set<String> agents = store.config().agents().stream().map(agent -> agent.id()).collect(Collectors.toSet());
            for (AgentStatus status : board.all()) {
                if (!agents.contains(status.agentId())) {
                    board.remove(status.agentId());
                    engine.agentUnavailable(status.agentId());
                } else if (status.state() == AgentState.READY) {
                    desk.agentChanged(status); // skills may have changed
                }
            }
        }
    }

    private void defineQueues() {
        Set<String> defined = new HashSet<>();
        for (QueueRules rules : directory.rules()) {
            engine.defineQueue(rules);
            defined.add(rules.queueId());
        }
        definedQueues.stream().filter(id -> !defined.contains(id)).forEach(engine::removeQueue);
        definedQueues.clear();
        definedQueues.addAll(defined);
    }

    /** Agents the table says are on calls that no longer exist (the appliance restarted): free them. */
    private void reconcileAgents() {
        Set<String> live = calls.calls().stream().map(CallInfo::id).collect(Collectors.toSet());
        for (AgentStatus status : board.all()) {
            if (status.callId() != null && !live.contains(status.callId())) {
                reconcile(status);
            }
        }
    }

    /** Frees an agent whose call no longer exists: reserved → READY, talking or wrapping up → READY. */
    private void reconcile(AgentStatus status) {
        try {
            switch (status.state()) {
                case RESERVED -> board.released(status.agentId(), status.callId());
                case TALKING, HOLD -> {
                    board.callEnded(status.agentId(), status.callId());
                    board.wrapUpDone(status.agentId());
                }
                case WRAP_UP -> board.wrapUpDone(status.agentId());
                default -> {
                    // not on a call
                }
            }
        } catch (TransitionRefused e) {
            LOG.debug("Agent {} not reconciled: {}", status.agentId(), e.getMessage());
        }
    }

    /** The desk's timers on the one timer thread, each run under the desk's monitor. */
    private final class ExecutorTimers implements Timers {
        @Override
        public Timer at(Instant when, Runnable task) {
            long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
            ScheduledFuture<?> future = timer.schedule(() -> {
                synchronized (desk) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.error("An ACD timer failed", e);
                    }
                }
            }, delay, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }
    }
}
