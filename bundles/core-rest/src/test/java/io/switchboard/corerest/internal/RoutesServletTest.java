package io.switchboard.corerest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.testsupport.FakeHttp;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesServletTest {

    private final FakeRoutes routes = new FakeRoutes();

    private FakeHttp.Response routes(String method, String pathInfo, String role, String body) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new RoutesServlet(routes).service(FakeHttp.request(method, "/api/v1/routes", pathInfo, "alice", role, Map.of(),
                body), response.proxy);
        return response;
    }

    private FakeHttp.Response holidays(String method, String pathInfo, String role, Map<String, String> parameters,
            String body) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new HolidaysServlet(routes).service(FakeHttp.request(method, "/api/v1/routes/holidays", pathInfo, "alice",
                role, parameters, body), response.proxy);
        return response;
    }

    @Test
    void anAdminCreatesARouteWithDefaultsAndTheChangeNamesTheAdmin() throws Exception {
        FakeHttp.Response response = routes("POST", null, "admin",
                "{\"id\":\"100\",\"pattern\":\"100\",\"controller\":\"ivr\",\"params\":{\"flow\":\"hotline\"}}");

        assertThat(response.status).isEqualTo(201);
        assertThat(response.headers).containsEntry("Location", "/api/v1/routes/100");
        assertThat(routes.routes.get("100"))
                .isEqualTo(new Route("100", "100", "ivr", Map.of("flow", "hotline"), "", "UTC", null, null, true));
        assertThat(routes.changes).containsExactly("alice created 100");
        assertThat(response.body()).isEqualTo("{\"id\":\"100\",\"pattern\":\"100\",\"controller\":\"ivr\","
                + "\"params\":{\"flow\":\"hotline\"},\"businessHours\":\"\",\"timeZone\":\"UTC\",\"enabled\":true}");
    }

    @Test
    void supervisorsReadButDoNotChange() throws Exception {
        routes.routes.put("300", new Route("300", "300", "echo", Map.of(), "", "UTC", null, null, true));

        assertThat(routes("GET", null, "supervisor", null).body()).startsWith("[{\"id\":\"300\"");
        assertThat(routes("GET", "/300", "supervisor", null).status).isEqualTo(200);
        FakeHttp.Response refused = routes("DELETE", "/300", "supervisor", null);
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"forbidden\",\"message\":\"Only admin may change the routes.\"}");
        assertThat(routes("GET", null, "qa", null).status).isEqualTo(403);
        assertThat(routes.routes).containsKey("300");
    }

    @Test
    void coresRefusalsBecomeTheirStatuses() throws Exception {
        String body = "{\"id\":\"1\",\"pattern\":\"1\",\"controller\":\"ivr\"}";
        routes("POST", null, "admin", body);

        FakeHttp.Response conflict = routes("POST", null, "admin", body);
        assertThat(conflict.status).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("{\"error\":\"conflict\",\"message\":\"route 1 already exists\"}");
        assertThat(routes("PUT", "/2", "admin", "{\"pattern\":\"2\",\"controller\":\"ivr\"}").status).isEqualTo(404);
        assertThat(routes("POST", null, "admin", "{\"id\":\"3\",\"controller\":\"ivr\"}").status).isEqualTo(400);
        assertThat(routes("GET", "/9", "admin", null).status).isEqualTo(404);
    }

    @Test
    void badBodiesAre400WithoutEchoingThem() throws Exception {
        FakeHttp.Response unknown = routes("POST", null, "admin", "{\"id\":\"1\",\"pin\":\"123456\"}");
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field 'pin'").doesNotContain("123456");

        assertThat(routes("POST", null, "admin", "{not json").status).isEqualTo(400);
        assertThat(routes("POST", null, "admin", "").status).isEqualTo(400);
        assertThat(routes("POST", null, "admin", "{\"id\":\"1\",\"params\":{\"a\":null}}").body())
                .contains("The param 'a' is null");
        FakeHttp.Response mismatch = routes("PUT", "/1", "admin", "{\"id\":\"2\",\"pattern\":\"1\"}");
        assertThat(mismatch.status).isEqualTo(400);
        assertThat(mismatch.body()).contains("not the id in the path");
        assertThat(routes.changes).isEmpty();
    }

    @Test
    void replaceAndDelete() throws Exception {
        routes("POST", null, "admin", "{\"id\":\"1\",\"pattern\":\"1\",\"controller\":\"ivr\"}");

        FakeHttp.Response replaced = routes("PUT", "/1", "admin",
                "{\"pattern\":\"1*\",\"controller\":\"acd\",\"enabled\":false,\"holidayCalendar\":\"CN\"}");
        assertThat(replaced.status).isEqualTo(200);
        assertThat(routes.routes.get("1").enabled()).isFalse();
        assertThat(routes.routes.get("1").holidayCalendar()).isEqualTo("CN");

        assertThat(routes("DELETE", "/1", "admin", null).status).isEqualTo(204);
        assertThat(routes("DELETE", "/1", "admin", null).status).isEqualTo(404);
        assertThat(routes("POST", "/1", "admin", "{}").status).isEqualTo(405);
        assertThat(routes("GET", "/1/x", "admin", null).status).isEqualTo(404);
        assertThat(routes.changes).containsExactly("alice created 1", "alice updated 1", "alice deleted 1");
    }

    @Test
    void holidaysAreListedByCalendarSavedAndDeleted() throws Exception {
        routes.holidays.add(new Holiday("HK", LocalDate.of(2025, 7, 1), "HKSAR Day"));

        FakeHttp.Response saved = holidays("POST", null, "admin", Map.of(),
                "{\"calendar\":\"CN\",\"date\":\"2025-10-01\",\"name\":\"National Day\"}");
        assertThat(saved.status).isEqualTo(200);
        assertThat(holidays("GET", null, "supervisor", Map.of("calendar", "CN"), null).body())
                .isEqualTo("[{\"calendar\":\"CN\",\"date\":\"2025-10-01\",\"name\":\"National Day\"}]");

        assertThat(holidays("DELETE", "/CN/2025-10-01", "admin", Map.of(), null).status).isEqualTo(204);
        assertThat(holidays("DELETE", "/CN/2025-10-01", "admin", Map.of(), null).status).isEqualTo(404);
        assertThat(holidays("DELETE", "/CN/1 Oct", "admin", Map.of(), null).body()).contains("is not a date");
        assertThat(holidays("POST", null, "admin", Map.of(), "{\"calendar\":\"CN\",\"date\":\"2025-13-01\",\"name\":\"x\"}")
                .status).isEqualTo(400);
        assertThat(holidays("POST", null, "supervisor", Map.of(), "{}").status).isEqualTo(403);
        assertThat(routes.changes).containsExactly("alice saved CN/2025-10-01", "alice deleted CN/2025-10-01");
    }
}
