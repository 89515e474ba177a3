package io.switchboard.corerest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.journal.Journal;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.testsupport.FakeHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class JournalServletTest {

    /** Records the cursor it was asked for and answers two entries. */
    private static final class FakeJournal implements Journal {
        final List<String> reads = new ArrayList<>();

        @Override
        public CompletionStage<Long> append(String type, String callId, String agentId, Map<String, Object> data) {
            throw FakeHttp.unexpected("Journal.append");
        }

        @Override
        public List<JournalEntry> read(long afterSeq, int limit) {
            reads.add(afterSeq + "/" + limit);
            return List.of(new JournalEntry(7, Instant.parse("2025-03-03T02:00:00Z"), "call.started", "c1", null,
                    Map.of("dialled", "100")),
                    new JournalEntry(8, Instant.parse("2025-03-03T02:00:01.5Z"), "agent.state", null, "1001",
                            Map.of("state", "READY")));
        }
    }

    private final FakeJournal journal = new FakeJournal();

    private FakeHttp.Response get(String role, Map<String, String> parameters) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new JournalServlet(journal).service(FakeHttp.request("GET", "/api/v1/journal", null, "u", role, parameters,
                null), response.proxy);
        return response;
    }

    @Test
    void entriesInTheContractShapeWithMillisecondTimes() throws Exception {
        FakeHttp.Response response = get("qa", Map.of("after", "6", "limit", "2"));

        assertThat(response.status).isEqualTo(200);
        assertThat(journal.reads).containsExactly("6/2");
        assertThat(response.body()).isEqualTo("[{\"seq\":7,\"time\":\"2025-03-03T02:00:00.000Z\",\"type\":\"call.started\","
                + "\"callId\":\"c1\",\"data\":{\"dialled\":\"100\"}},"
                + "{\"seq\":8,\"time\":\"2025-03-03T02:00:01.500Z\",\"type\":\"agent.state\",\"agentId\":\"1001\","
                + "\"data\":{\"state\":\"READY\"}}]");
    }

    @Test
    void defaultsAreAfterZeroAndOneHundred() throws Exception {
        get("admin", Map.of());

        assertThat(journal.reads).containsExactly("0/100");
    }

    @Test
    void badParametersAre400AndReadNothing() throws Exception {
        for (Map<String, String> bad : List.of(Map.of("after", "x"), Map.of("after", "-1"), Map.of("limit", "0"),
                Map.of("limit", "1001"), Map.of("limit", "1e3"))) {
            FakeHttp.Response response = get("supervisor", bad);

            assertThat(response.status).as(bad.toString()).isEqualTo(400);
            assertThat(response.body()).startsWith("{\"error\":\"bad_request\",\"message\":");
        }
        assertThat(journal.reads).isEmpty();
    }

    @Test
    void agentsMayNotReadTheJournal() throws Exception {
        FakeHttp.Response response = get("agent", Map.of());

        assertThat(response.status).isEqualTo(403);
        assertThat(journal.reads).isEmpty();
    }

    @Test
    void queryParsing() throws Exception {
        assertThat(JournalQuery.parse(null, null)).isEqualTo(new JournalQuery(0, 100));
        assertThat(JournalQuery.parse(" 42 ", "1000")).isEqualTo(new JournalQuery(42, 1000));
        assertThatThrownBy(() -> JournalQuery.parse("99999999999999999999", null))
                .hasMessageContaining("'after' must be a whole number");
        assertThatThrownBy(() -> JournalQuery.parse(null, "5000")).hasMessage("'limit' must be from 1 to 1000.");
    }
}
