package io.switchboard.itests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the integration tests read and change through a running appliance's REST API as an
 * admin: live calls, installed bundles, the journal, routes.
 */
public final class ApplianceApi {
    private static final int PAGE = 1000;

    private final Https https;
    private final String token;

    public ApplianceApi(Https https, String token) {
        this.https = https;
        this.token = token;
    }

    /** The live calls of {@code GET /calls}. */
    public List<JsonNode> calls() throws Exception {
        Https.Reply reply = https.get("/calls", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> calls = new ArrayList<>();
        reply.json().forEach(calls::add);
        return calls;
    }

    /** An installed bundle of {@code GET /bundles}, by symbolic name. */
    public Optional<JsonNode> bundle(String name) throws Exception {
        for (JsonNode b : https.get("/bundles", token).json()) {
            if (name.equals(b.path("name").asText())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** A bundle's state as OSGi names it, or empty when it is not installed. */
    public String bundleState(String name) throws Exception {
        return bundle(name).map(b -> b.path("state").asText()).orElse("");
    }

    /** Creates an inbound route; fails the test unless it was created. */
    public void createRoute(Map<String, Object> route) throws Exception {
        Https.Reply reply = https.post("/routes", token, route);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** The journal's newest sequence number, to look only at what happens after it. */
    public long lastSeq() throws Exception {
        long seq = 0;
        while (true) {
            JsonNode page = page(seq);
            if (page.isEmpty()) {
                return seq;
            }
            seq = page.get(page.size() - 1).path("seq").asLong();
        }
    }

    /** Journal entries of one type after {@code after}, oldest first. */
    public List<JsonNode> entries(long after, String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long seq = after;
        while (true) {
            JsonNode page = page(seq);
            if (page.isEmpty()) {
                return found;
            }
            for (JsonNode entry : page) {
                if (type.equals(entry.path("type").asText())) {
                    found.add(entry);
                }
                seq = entry.path("seq").asLong();
            }
        }
    }

    /** The first journal entry of one type after {@code after}, waited for up to the ceiling. */
    public JsonNode awaitEntry(long after, String type, Duration ceiling) throws Exception {
        return Await.until(ceiling, () -> entries(after, type), l -> !l.isEmpty()).get(0);
    }

    private JsonNode page(long after) throws Exception {
        return https.get("/journal?after=" + after + "&limit=" + PAGE, token).json();
    }
}
