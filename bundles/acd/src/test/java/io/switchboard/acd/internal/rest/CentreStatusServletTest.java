package io.switchboard.acd.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.acd.internal.AgentDesk;
import io.switchboard.acd.internal.AgentEvents;
import io.switchboard.acd.internal.CapturingScheduler;
import io.switchboard.acd.internal.config.CentreStatus;
import io.switchboard.acd.internal.config.CentreStatusSource;
import io.switchboard.testsupport.FakeHttp;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CentreStatusServletTest {

    private static final String SNAPSHOT_JSON = "{\"time\":\"2026-11-23T02:01:05Z\",\"queues\":[{\"id\":\"general\","
            + "\"name\":\"General\",\"waiting\":2,\"longestWaitSeconds\":41,\"agents\":{\"READY\":1,\"TALKING\":1},"
            + "\"servedToday\":1,\"abandonedToday\":1,\"serviceLevelToday\":0.5,\"averageWaitSecondsToday\":5.0,"
            + "\"averageHandleSecondsRecent\":null}],\"agents\":[{\"id\":\"1001\",\"name\":\"Wang Fang\","
            + "\"state\":\"TALKING\",\"reason\":null,\"since\":\"2026-11-23T02:00:00Z\",\"secondsInState\":65,"
            + "\"callId\":\"c1\",\"queue\":\"general\",\"callsToday\":1}],"
            + "\"totals\":{\"loggedIn\":1,\"ready\":0,\"talking\":1,\"waiting\":2}}";

    private final CapturingScheduler scheduler = new CapturingScheduler();
    private final AgentEvents events = new AgentEvents(scheduler.proxy, Runnable::run);
    private final CentreStatusServlet servlet = new CentreStatusServlet();
    private CentreStatus snapshot = snapshot(2);
    private final CentreStatusSource source = () -> snapshot;
    /** The controller as this servlet uses it: only its event streams (any other call fails the test). */
    private final AgentDesk desk = (AgentDesk) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AgentDesk.class}, (proxy, method, args) -> {
                if (method.getName().equals("events")) {
                    return events;
                }
                throw new AssertionError("the status servlet called AgentDesk." + method.getName());
            });

    private static CentreStatus snapshot(int waiting) {
        return new CentreStatus("2026-11-23T02:01:05Z",
                List.of(new CentreStatus.QueueLine("general", "General", waiting, 41, Map.of("TALKING", 1, "READY", 1),
                        1, 1, 0.5, 5.0, null)),
                List.of(new CentreStatus.AgentLine("1001", "Wang Fang", "TALKING", null, "2026-11-23T02:00:00Z", 65, "c1",
                        "general", 1)),
                new CentreStatus.Totals(1, 0, 1, waiting));
    }

    @BeforeEach
    void controllerRunning() {
        servlet.bindSource(source);
        servlet.bindDesk(desk);
    }

    private FakeHttp.Response get(String pathInfo, String role) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.get(CentreStatusServlet.PATH, pathInfo, role), response.proxy);
        return response;
    }

    private SseHttp stream(String role) throws Exception {
        SseHttp http = new SseHttp();
        servlet.service(http.request(CentreStatusServlet.PATH, "/events", role), http.response);
        return http;
    }

    @Test
    void theSnapshotIsServedWithEveryFieldNullsIncluded() throws Exception {
        FakeHttp.Response response = get(null, "supervisor");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.headers).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-store");
        assertThat(response.body()).isEqualTo(SNAPSHOT_JSON);
        assertThat(get("/", "admin").body()).isEqualTo(SNAPSHOT_JSON);
    }

    @Test
    void onlyAdminsAndSupervisorsMayWatch() throws Exception {
        assertThat(get(null, "admin").status).isEqualTo(200);
        for (String role : new String[] {"agent", null}) {
            FakeHttp.Response refused = get(null, role);
            assertThat(refused.status).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"error\":\"forbidden\",\"message\":\"Only admin or supervisor may"
                    + " watch the queues and agents.\"}");
            // refused before the stream opens: FakeHttp's request would fail the test on startAsync
            assertThat(get("/events", role).status).isEqualTo(403);
        }
        assertThat(events.watched(AgentEvents.CENTRE)).isFalse();
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/other", "admin").status).isEqualTo(404);
        assertThat(get("/events/more", "admin").status).isEqualTo(404);
        FakeHttp.Response post = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", CentreStatusServlet.PATH, null, "alice", "admin", "{}"), post.proxy);
        assertThat(post.status).isEqualTo(405);
        assertThat(post.headers).containsEntry("Allow", "GET");
    }

    @Test
    void withoutTheControllerThereIsNothingToWatch() throws Exception {
        servlet.unbindDesk(desk);
        assertThat(get(null, "supervisor").status).as("the snapshot needs only the source").isEqualTo(200);
        assertThat(get("/events", "supervisor").status).isEqualTo(503);

        servlet.unbindSource(source);
        FakeHttp.Response away = get(null, "supervisor");
        assertThat(away.status).isEqualTo(503);
        assertThat(away.body()).startsWith("{\"error\":\"unavailable\"");
    }

    @Test
    void theStreamStartsWithASnapshotThenCarriesPushesAndKeepAlivesUntilTheClientLeaves() throws Exception {
        SseHttp supervisor = stream("supervisor");

        assertThat(supervisor.status).isEqualTo(200);
        assertThat(supervisor.headers).containsEntry("Content-Type", "text/event-stream").containsEntry("Cache-Control", "no-store");
        assertThat(supervisor.timeout).isZero();
        assertThat(supervisor.frames()).containsExactly("event: status\ndata: " + SNAPSHOT_JSON);

        SseHttp admin = stream("admin");
        assertThat(supervisor.frames()).as("a new watcher's first snapshot is theirs alone").hasSize(1);

        snapshot = snapshot(3);
        events.publish(AgentEvents.CENTRE, "status", snapshot);
        events.publish("1001", "state", Map.of("state", "READY")); // an agent's stream: not here
        scheduler.runPeriodic();

        assertThat(supervisor.frames()).hasSize(3);
        assertThat(supervisor.frames().get(1)).startsWith("event: status\ndata: {").contains("\"waiting\":3");
        assertThat(supervisor.frames().get(2)).isEqualTo(": keep-alive");
        assertThat(admin.frames()).hasSize(3);

        supervisor.clientLeaves();
        admin.clientLeaves();
        assertThat(events.watched(AgentEvents.CENTRE)).isFalse();
    }
}
