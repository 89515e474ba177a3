package io.switchboard.acd.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.FakeHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsServletTest {

    static final String AGENT_1001 =
            "{\"id\":\"1001\",\"name\":\"Agent 1001\",\"device\":\"sip:1001\",\"skills\":{\"general\":5}";

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private AgentsServlet servlet;
    private final List<String> passwordsSet = new ArrayList<>();
    private final SipPasswords passwords = (user, password) -> passwordsSet.add(user + "=" + password);

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        servlet = new AgentsServlet(fixture.store);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private FakeHttp.Response call(String method, String pathInfo, String user, String role, String body)
            throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request(method, AgentsServlet.PATH, pathInfo, user, role, body), response.proxy);
        return response;
    }

    private FakeHttp.Response admin(String method, String pathInfo, String body) throws Exception {
        return call(method, pathInfo, "alice", "admin", body);
    }

    @Test
    void anAdminCreatesAnAgentWhoseStateIsLoggedOutAndWhosePasswordGoesToSip() throws Exception {
        servlet.bindSipPasswords(passwords);

        FakeHttp.Response created = admin("POST", null, AGENT_1001 + ",\"sipPassword\":\"s3cret-pw\"}");

        assertThat(created.status).isEqualTo(201);
        assertThat(created.headers).containsEntry("Location", "/api/v1/acd/agents/1001");
        assertThat(created.body()).isEqualTo("{\"id\":\"1001\",\"name\":\"Agent 1001\",\"device\":\"sip:1001\","
                + "\"skills\":{\"general\":5},\"outboundAllowed\":false,\"state\":\"LOGGED_OUT\"}");
        assertThat(passwordsSet).containsExactly("1001=s3cret-pw");
        assertThat(fixture.journal.entries).containsExactly(
                "config.changed {area=acd, kind=agent, id=1001, action=created, user=alice}");
        assertThat(admin("GET", null, null).body()).doesNotContain("s3cret-pw").doesNotContain("sipPassword");
        assertThat(fixture.db.queryString("SELECT count(*) FROM acd_agent WHERE name LIKE '%s3cret%'"
                + " OR device LIKE '%s3cret%'")).isEqualTo("0");
    }

    @Test
    void thePasswordNeedsASipDeviceAndTheSipDriverBeforeAnythingIsSaved() throws Exception {
        FakeHttp.Response noDriver = admin("POST", null, AGENT_1001 + ",\"sipPassword\":\"pw\"}");
        assertThat(noDriver.status).isEqualTo(503);
        assertThat(noDriver.body()).contains("\"error\":\"unavailable\"").contains("was not saved");

        servlet.bindSipPasswords(passwords);
        FakeHttp.Response card = admin("POST", null,
                "{\"id\":\"2001\",\"name\":\"Card desk\",\"device\":\"card:7\",\"sipPassword\":\"pw\"}");
        assertThat(card.status).isEqualTo(409);
        assertThat(card.body()).contains("not a SIP phone");

        assertThat(fixture.store.agents()).isEmpty();
        assertThat(passwordsSet).isEmpty();

        servlet.unbindSipPasswords(passwords);
        assertThat(admin("POST", null, AGENT_1001 + ",\"sipPassword\":\"pw\"}").status).isEqualTo(503);
    }

    @Test
    void aDriverThatRefusesThePasswordIsReported() throws Exception {
        servlet.bindSipPasswords((user, password) -> {
            throw new IllegalStateException("could not store device " + user);
        });

        FakeHttp.Response response = admin("POST", null, AGENT_1001 + ",\"sipPassword\":\"pw\"}");

        assertThat(response.status).isEqualTo(503);
        assertThat(response.body()).contains("was saved, but").contains("could not store device 1001")
                .doesNotContain("\"pw\"");
    }

    @Test
    void everyProblemOfABodyIsListedWithoutEchoingValues() throws Exception {
        FakeHttp.Response response = admin("POST", null, "{\"id\":\"10-01\",\"device\":\"tel:1\",\"skills\":"
                + "{\"general\":\"five\",\"cards\":11},\"outboundAllowed\":\"yes\",\"pin\":\"123456\"}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":\"invalid\",\"message\":")
                .contains("\"problems\":[\"agent: unknown field 'pin'\"",
                        "\"agent: skills 'general' must be a whole number\"",
                        "\"agent: outboundAllowed must be true or false\"")
                .doesNotContain("123456");
        assertThat(admin("POST", null, "{not json").body()).contains("not valid JSON");
        assertThat(admin("POST", null, "").status).isEqualTo(400);
        assertThat(admin("POST", null, "[]").body()).contains("must be a JSON object");
        assertThat(fixture.journal.entries).isEmpty();
    }

    @Test
    void rolesDecideWhoReadsAndWhoChanges() throws Exception {
        admin("POST", null, AGENT_1001 + "}");

        assertThat(call("GET", null, "sam", "supervisor", null).status).isEqualTo(200);
        assertThat(call("GET", "/1001", "sam", "supervisor", null).status).isEqualTo(200);
        assertThat(call("GET", "/1001", "1001", "agent", null).status).isEqualTo(200);
        assertThat(call("GET", "/1001", "1002", "agent", null).status).isEqualTo(403);
        assertThat(call("GET", null, "1001", "agent", null).status).isEqualTo(403);
        FakeHttp.Response refused = call("DELETE", "/1001", "sam", "supervisor", null);
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.body()).isEqualTo(
                "{\"error\":\"forbidden\",\"message\":\"Only admin may change the agents.\"}");
        assertThat(call("GET", null, "quinn", "qa", null).status).isEqualTo(403);
        assertThat(fixture.store.agent("1001")).isPresent();
    }

    @Test
    void replaceShowsTheStoredStateAndDeleteRemoves() throws Exception {
        admin("POST", null, AGENT_1001 + "}");
        fixture.db.write(c -> c.createStatement().executeUpdate("INSERT INTO acd_agent_state (agent_id, state, since)"
                + " VALUES ('1001', 'NOT_READY', '2025-01-31T08:00:00.000Z')"));

        FakeHttp.Response replaced = admin("PUT", "/1001",
                "{\"name\":\"Ann\",\"device\":\"sip:1001\",\"skills\":{\"cards\":4},\"team\":\"blue\",\"state\":\"READY\"}");
        assertThat(replaced.status).isEqualTo(200);
        assertThat(replaced.body()).contains("\"team\":\"blue\"", "\"state\":\"NOT_READY\"");

        assertThat(admin("PUT", "/1001", "{\"id\":\"1002\",\"name\":\"x\",\"device\":\"sip:1\"}").body())
                .contains("not the id in the path");
        assertThat(admin("PUT", "/1009", "{\"name\":\"x\",\"device\":\"sip:1009\"}").status).isEqualTo(404);
        assertThat(admin("POST", null, AGENT_1001 + "}").status).isEqualTo(409);
        assertThat(admin("DELETE", "/1001", null).status).isEqualTo(204);
        assertThat(admin("DELETE", "/1001", null).status).isEqualTo(404);
        assertThat(admin("GET", "/1001", null).status).isEqualTo(404);
        assertThat(admin("POST", "/1001", "{}").status).isEqualTo(405);
        assertThat(fixture.journal.data).extracting(d -> d.get("action"))
                .containsExactly("created", "updated", "deleted");
    }

    @Test
    void stateAndEventsGoToTheControllersSubresources() throws Exception {
        admin("POST", null, AGENT_1001 + "}");

        assertThat(call("POST", "/1001/state", "1001", "agent", "{}").status).isEqualTo(503);
        assertThat(admin("GET", "/1001/unknown", null).status).isEqualTo(404);
        assertThat(admin("GET", "/1001/state/x", null).status).isEqualTo(404);

        List<String> served = new ArrayList<>();
        AgentSubresource state = (id, request, response) -> {
            served.add(request.getMethod() + " " + id + " by " + request.getRemoteUser());
            response.setStatus(202);
        };
        servlet.bindSubresource(state, Map.of(AgentSubresource.NAME, "state"));

        FakeHttp.Response response = call("POST", "/1001/state", "1001", "agent", "{}");
        assertThat(response.status).isEqualTo(202);
        assertThat(served).containsExactly("POST 1001 by 1001");
        assertThat(call("POST", "/1009/state", "1009", "agent", "{}").status).isEqualTo(404);

        servlet.unbindSubresource(state, Map.of(AgentSubresource.NAME, "state"));
        assertThat(call("POST", "/1001/state", "1001", "agent", "{}").status).isEqualTo(503);
    }
}
