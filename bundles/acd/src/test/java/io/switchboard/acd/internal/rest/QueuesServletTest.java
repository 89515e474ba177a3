package io.switchboard.acd.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.acd.internal.config.QueueStatus;
import io.switchboard.acd.internal.config.QueueStatusSource;
import io.switchboard.testsupport.FakeHttp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueuesServletTest {

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private QueuesServlet servlet;

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        servlet = new QueuesServlet(fixture.store);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private FakeHttp.Response call(String method, String pathInfo, String role, String body) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request(method, QueuesServlet.PATH, pathInfo, "alice", role, body), response.proxy);
        return response;
    }

    @Test
    void aQueueIsCreatedWithItsDefaults() throws Exception {
        FakeHttp.Response created = call("POST", null, "admin",
                "{\"id\":\"general\",\"name\":\"General\",\"skill\":\"general\"}");

        assertThat(created.status).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\":\"general\",\"name\":\"General\",\"skill\":\"general\","
                + "\"minimumLevel\":1,\"strategy\":\"longest-idle\",\"serviceLevelSeconds\":20,\"overflow\":[],"
                + "\"maxWaitSeconds\":0,\"announcements\":{\"positionEverySeconds\":0},\"music\":\"moh\","
                + "\"callbackOffer\":{\"enabled\":false,\"digit\":\"1\"},\"wrapUpSeconds\":10,"
                + "\"ringTimeoutSeconds\":15,\"notReadyReasonOnNoAnswer\":\"no-answer\"}");
        assertThat(fixture.journal.entries).containsExactly(
                "config.changed {area=acd, kind=queue, id=general, action=created, user=alice}");
    }

    @Test
    void nestedPartsRoundTripAndReferencesAreChecked() throws Exception {
        String cards = "{\"id\":\"cards\",\"name\":\"Cards\",\"skill\":\"cards\",\"minimumLevel\":3,"
                + "\"strategy\":\"best-skill\",\"overflow\":[{\"afterSeconds\":30,\"queue\":\"general\"},"
                + "{\"afterSeconds\":60,\"skill\":\"general\",\"level\":5}],\"maxWaitSeconds\":300,"
                + "\"onMaxWait\":{\"action\":\"callback\"},\"announcements\":{\"positionEverySeconds\":30,"
                + "\"prompt\":\"queue/position\"},\"callbackOffer\":{\"enabled\":true,\"digit\":\"#\"}}";
        FakeHttp.Response missing = call("POST", null, "admin", cards);
        assertThat(missing.status).isEqualTo(400);
        assertThat(missing.body()).contains("the queue 'general' it refers to does not exist");

        call("POST", null, "admin", "{\"id\":\"general\",\"name\":\"General\",\"skill\":\"general\"}");
        assertThat(call("POST", null, "admin", cards).status).isEqualTo(201);
        assertThat(call("GET", "/cards", "supervisor", null).body()).contains(
                "\"overflow\":[{\"afterSeconds\":30,\"queue\":\"general\"},{\"afterSeconds\":60,\"skill\":\"general\","
                        + "\"level\":5}]",
                "\"onMaxWait\":{\"action\":\"callback\"}",
                "\"callbackOffer\":{\"enabled\":true,\"digit\":\"#\"}");

        FakeHttp.Response inUse = call("DELETE", "/general", "admin", null);
        assertThat(inUse.status).isEqualTo(409);
        assertThat(inUse.body()).contains("\"error\":\"conflict\"", "used by the overflow or onMaxWait of queue cards");
    }

    @Test
    void everyProblemIsListedIncludingNestedOnes() throws Exception {
        FakeHttp.Response response = call("POST", null, "admin", "{\"id\":\"Bad Id\",\"skill\":\"general\","
                + "\"minimumLevel\":\"high\",\"overflow\":[{\"afterSeconds\":0,\"skill\":\"general\"},7],"
                + "\"onMaxWait\":{\"action\":\"hangup\"},\"callbackOffer\":{\"digit\":\"12\"}}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body()).contains(
                "queue: minimumLevel must be a whole number",
                "queue: overflow[1] must be an object",
                "overflow step: afterSeconds must be from 1 to 86400, not 0",
                "overflow step: needs a level from 1 to 10",
                "onMaxWait: action 'hangup' must be queue, callback or message",
                "callbackOffer: digit '12' must be one of 0-9, * or #");
    }

    @Test
    void statusComesFromTheControllerOr503() throws Exception {
        call("POST", null, "admin", "{\"id\":\"general\",\"name\":\"General\",\"skill\":\"general\"}");

        FakeHttp.Response away = call("GET", "/general/status", "supervisor", null);
        assertThat(away.status).isEqualTo(503);
        assertThat(away.body()).startsWith("{\"error\":\"unavailable\"");

        QueueStatusSource source = queue -> new QueueStatus(2, 41, Map.of("READY", 1, "BUSY", 3));
        servlet.bindStatusSource(source);
        FakeHttp.Response status = call("GET", "/general/status", "supervisor", null);
        assertThat(status.status).isEqualTo(200);
        assertThat(status.body()).isEqualTo("{\"waiting\":2,\"longestWaitSeconds\":41,\"agents\":{\"BUSY\":3,\"READY\":1}}");

        assertThat(call("GET", "/nope/status", "supervisor", null).status).isEqualTo(404);
        assertThat(call("GET", "/general/other", "supervisor", null).status).isEqualTo(404);
        assertThat(call("POST", "/general/status", "admin", "{}").status).isEqualTo(405);
        assertThat(call("GET", "/general/status", "agent", null).status).isEqualTo(403);
        servlet.unbindStatusSource(source);
        assertThat(call("GET", "/general/status", "supervisor", null).status).isEqualTo(503);
    }
}
