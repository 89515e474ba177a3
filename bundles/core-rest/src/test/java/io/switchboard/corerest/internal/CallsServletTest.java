package io.switchboard.corerest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.LegInfo;
import io.switchboard.api.call.LegState;
import io.switchboard.testsupport.FakeHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallsServletTest {

    private static final CallInfo CALL = new CallInfo("c1", CallState.ANSWERED, "100", "13800000001",
            Instant.parse("2025-03-03T02:00:00Z"), "parked:ivr",
            List.of(new LegInfo("l1", "sip", "inbound", LegState.ANSWERED, "13800000001@127.0.0.1", "PCMA",
                    Instant.parse("2025-03-03T02:00:00Z"))),
            List.of(), Map.of("language", "en", "verified", true),
            Map.of("ivr.node", "pin", "ivr.vars", Map.of("secret", "kept in core")));

    private final CallControl calls = (CallControl) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CallControl.class}, (p, m, args) -> {
                if (m.getName().equals("calls")) {
                    return List.of(CALL);
                }
                throw FakeHttp.unexpected("CallControl." + m.getName());
            });

    private FakeHttp.Response serve(HttpServletRequest request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new CallsServlet(calls).service(request, response.proxy);
        return response;
    }

    @Test
    void listsCallsInTheContractShapeWithoutControllerState() throws Exception {
        FakeHttp.Response response = serve(FakeHttp.get("/api/v1/calls", null, "supervisor"));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\":\"c1\",\"legs\":[{\"id\":\"l1\",\"driver\":\"sip\","
                + "\"state\":\"ANSWERED\",\"peer\":\"13800000001@127.0.0.1\"}],\"controller\":\"parked:ivr\","
                + "\"attached\":" + new Json().toJson(CALL.attached()) + "}]");
        assertThat(response.body()).doesNotContain("kept in core", "ivr.node", "controllerState");
    }

    @Test
    void agentsAndQaMayNotListCalls() throws Exception {
        for (String role : new String[] {"agent", "qa", null}) {
            FakeHttp.Response response = serve(FakeHttp.get("/api/v1/calls", null, role));

            assertThat(response.status).isEqualTo(403);
            assertThat(response.body()).startsWith("{\"error\":\"forbidden\",\"message\":");
        }
    }

    @Test
    void otherMethodsAre405InTheErrorShape() throws Exception {
        FakeHttp.Response response = serve(FakeHttp.request("DELETE", "/api/v1/calls", null, "admin", "admin",
                Map.of(), null));

        assertThat(response.status).isEqualTo(405);
        assertThat(response.headers).containsEntry("Allow", "GET");
        assertThat(response.body()).contains("\"error\":\"method_not_allowed\"");
    }
}
