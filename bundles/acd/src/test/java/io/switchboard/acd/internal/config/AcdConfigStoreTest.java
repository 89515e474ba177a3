package io.switchboard.acd.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testsupport.ManualClock;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcdConfigStoreTest {

    static final String MIGRATION = "/db/migration/V1__acd_config.sql";

    @TempDir
    Path dir;

    private SqliteTestDatabase db;
    private final RecordingJournal journal = new RecordingJournal();
    private AcdConfigStore store;

    @BeforeEach
    void open() throws Exception {
        db = new SqliteTestDatabase(dir, MIGRATION);
        store = new AcdConfigStore(db, journal, new ManualClock(), Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static Queue cards(List<OverflowStep> overflow, MaxWaitAction onMaxWait) {
        return new Queue("cards", "Cards", "cards", 3, "best-skill", 30, overflow, onMaxWait == null ? 0 : 300,
                onMaxWait, new Announcements(30, "queue/position"), "moh", new CallbackOffer(true, "#"), 15, 20,
                "rang-out");
    }

    @Test
    void aQueueWithEveryNestedPartSurvivesARestart() throws Exception {
        store.createQueue(Queue.withDefaults("general", "General", "general", 1), "alice");
        Queue cards = cards(List.of(OverflowStep.toQueue(30, "general"), OverflowStep.toSkill(90, "general", 5)),
                MaxWaitAction.message("closing"));
        store.createQueue(cards, "alice");

        AcdConfigStore restarted = new AcdConfigStore(db, journal, new ManualClock(), Duration.ofSeconds(5));

        assertThat(restarted.queue("cards")).contains(cards);
        assertThat(restarted.queues()).extracting(Queue::id).containsExactly("cards", "general");
        assertThat(db.queryString("SELECT overflow FROM acd_queue WHERE id = 'cards'"))
                .isEqualTo("[{\"afterSeconds\":30,\"queue\":\"general\"},{\"afterSeconds\":90,\"skill\":\"general\",\"level\":5}]");
    }

    @Test
    void agentsKeepSkillsAsRowsAndOnePhoneRingsForOneAgent() throws Exception {
        Agent agent = new Agent("1002", "Agent 1002", "sip:1002", Map.of("general", 3, "cards", 6), "blue", true);
        store.createAgent(agent, "alice");

        assertThat(db.queryString("SELECT count(*) FROM acd_agent_skill WHERE skill = 'cards' AND level >= 3"))
                .isEqualTo("1");
        assertThat(store.agent("1002")).contains(agent);
        assertThatThrownBy(() -> store.createAgent(agent, "alice")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.reason()).isEqualTo(ConfigException.Reason.CONFLICT));
        assertThatThrownBy(() -> store.createAgent(new Agent("1009", "x", "sip:1002", Map.of(), null, false), "alice"))
                .hasMessageContaining("the device sip:1002 is agent 1002's already");

        store.updateAgent(new Agent("1002", "Agent 1002", "card:7", Map.of("general", 4), null, false), "alice");
        assertThat(store.agent("1002").orElseThrow().skills()).isEqualTo(Map.of("general", 4));
        assertThat(db.count("acd_agent_skill")).isEqualTo(1);
    }

    @Test
    void anAgentsStateIsLoggedOutUntilTheStateMachineStoresOne() throws Exception {
        store.createAgent(new Agent("1001", "Agent 1001", "sip:1001", Map.of("general", 5), null, false), "alice");
        assertThat(store.agentState("1001")).isEqualTo(AcdConfigStore.LOGGED_OUT);

        db.write(c -> c.createStatement().executeUpdate("INSERT INTO acd_agent_state (agent_id, state, reason, since,"
                + " calls_today, calls_day) VALUES ('1001', 'READY', NULL, '2025-01-31T08:00:00.000Z', 3, '2025-01-31')"));
        assertThat(store.agentState("1001")).isEqualTo("READY");

        store.deleteAgent("1001", "alice");
        assertThat(db.count("acd_agent_state")).isZero();
        assertThat(db.count("acd_agent_skill")).isZero();
        assertThatThrownBy(() -> store.deleteAgent("1001", "alice")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.reason()).isEqualTo(ConfigException.Reason.NOT_FOUND));
    }

    @Test
    void aQueueInUseCannotBeDeletedAndReferencesMustExist() throws Exception {
        assertThatThrownBy(() -> store.createQueue(cards(List.of(OverflowStep.toQueue(30, "general")),
                MaxWaitAction.toQueue("vip")), "alice")).isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConfigException.Reason.INVALID);
                    assertThat(e.problems()).containsExactly(
                            "queue cards: the queue 'general' it refers to does not exist",
                            "queue cards: the queue 'vip' it refers to does not exist");
                });

        store.createQueue(Queue.withDefaults("general", "General", "general", 1), "alice");
        store.createQueue(cards(List.of(OverflowStep.toQueue(30, "general")), null), "alice");

        assertThatThrownBy(() -> store.deleteQueue("general", "alice")).isInstanceOfSatisfying(ConfigException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(ConfigException.Reason.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("queue general is used by the overflow or onMaxWait of queue"
                            + " cards; change those queues first");
                });
        store.deleteQueue("cards", "alice");
        store.deleteQueue("general", "alice");
        assertThat(store.queues()).isEmpty();
    }

    @Test
    void everyChangeIsJournaledAndHeardWithoutItsValues() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        store.onChange(heard::incrementAndGet);

        store.createClass(new CustomerClass("priority", "Priority", 50), "alice");
        store.updateClass(new CustomerClass("priority", "Priority", 60), "alice");
        store.deleteClass("priority", "alice");
        assertThatThrownBy(() -> store.deleteClass("priority", "alice")).isInstanceOf(ConfigException.class);

        assertThat(heard).hasValue(3);
        assertThat(journal.data).containsExactly(
                Map.of("area", "acd", "kind", "class", "id", "priority", "action", "created", "user", "alice"),
                Map.of("area", "acd", "kind", "class", "id", "priority", "action", "updated", "user", "alice"),
                Map.of("area", "acd", "kind", "class", "id", "priority", "action", "deleted", "user", "alice"));
        assertThat(journal.entries).allMatch(e -> e.startsWith("config.changed "));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorTheChange() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        store.onChange(() -> {
            throw new IllegalStateException("listener broke");
        });
        store.onChange(heard::incrementAndGet);

        store.createClass(new CustomerClass("standard", "Standard", 0), "alice");

        assertThat(heard).hasValue(1);
        assertThat(store.customerClass("standard")).isPresent();
    }

    @Test
    void classesAreListedHighestPriorityFirst() throws Exception {
        store.createClass(new CustomerClass("standard", "Standard", 0), "alice");
        store.createClass(new CustomerClass("private-banking", "Private banking", 100), "alice");
        store.createClass(new CustomerClass("priority", "Priority", 50), "alice");

        assertThat(store.classes()).extracting(CustomerClass::id)
                .containsExactly("private-banking", "priority", "standard");
    }

    @Test
    void demoDataComesOnceAndWhatAnAdminDeletedStaysDeleted() throws Exception {
        assertThat(store.seedDemo().toCompletableFuture().join()).isTrue();

        assertThat(store.queues()).extracting(q -> q.id() + " " + q.skill() + ">=" + q.minimumLevel())
                .containsExactly("cards cards>=3", "general general>=1", "vip private-banking>=5");
        assertThat(store.agents()).extracting(a -> a.id() + " " + a.device() + " " + a.skills()).containsExactly(
                "1001 sip:1001 {general=5}",
                "1002 sip:1002 {cards=6, general=3}",
                "1003 sip:1003 {cards=4}",
                "1004 sip:1004 {general=7, private-banking=8}",
                "1005 sip:1005 {general=2}");
        assertThat(store.agent("1001").orElseThrow().name()).isEqualTo("Agent 1001");
        assertThat(store.classes()).extracting(c -> c.id() + " " + c.priority())
                .containsExactly("private-banking 100", "priority 50", "standard 0");
        assertThat(journal.data).containsExactly(
                Map.of("area", "acd", "kind", "demo", "id", "acd", "action", "created", "user", "system"));

        store.deleteAgent("1003", "alice");
        assertThat(store.seedDemo().toCompletableFuture().join()).isFalse();
        AcdConfigStore restarted = new AcdConfigStore(db, journal, new ManualClock(), Duration.ofSeconds(5));
        assertThat(restarted.agent("1003")).isEmpty();
        assertThat(restarted.agents()).hasSize(4);
    }

    @Test
    void aChangeNeedsSomeoneToMakeIt() {
        assertThatThrownBy(() -> store.createClass(new CustomerClass("standard", "Standard", 0), " "))
                .hasMessage("a change needs the name of who makes it");
    }
}
