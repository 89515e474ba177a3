package io.switchboard.acd.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.FakeHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesServletTest {

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private ClassesServlet servlet;

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        servlet = new ClassesServlet(fixture.store);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private FakeHttp.Response call(String method, String pathInfo, String role, String body) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request(method, ClassesServlet.PATH, pathInfo, "alice", role, body), response.proxy);
        return response;
    }

    @Test
    void classesAreCreatedListedReplacedAndDeleted() throws Exception {
        assertThat(call("POST", null, "admin", "{\"id\":\"standard\",\"name\":\"Standard\",\"priority\":0}").status)
                .isEqualTo(201);
        call("POST", null, "admin", "{\"id\":\"private-banking\",\"name\":\"Private banking\",\"priority\":100}");

        assertThat(call("GET", null, "supervisor", null).body()).isEqualTo(
                "[{\"id\":\"private-banking\",\"name\":\"Private banking\",\"priority\":100},"
                        + "{\"id\":\"standard\",\"name\":\"Standard\",\"priority\":0}]");
        assertThat(call("PUT", "/standard", "admin", "{\"name\":\"Retail\",\"priority\":10}").body())
                .isEqualTo("{\"id\":\"standard\",\"name\":\"Retail\",\"priority\":10}");
        assertThat(call("DELETE", "/standard", "admin", null).status).isEqualTo(204);
        assertThat(call("GET", "/standard", "admin", null).status).isEqualTo(404);
        assertThat(fixture.journal.data).extracting(d -> d.get("kind") + " " + d.get("id") + " " + d.get("action"))
                .containsExactly("class standard created", "class private-banking created", "class standard updated",
                        "class standard deleted");
    }

    @Test
    void badClassesAndWrongRolesAreRefused() throws Exception {
        FakeHttp.Response bad = call("POST", null, "admin", "{\"id\":\"VIP\",\"name\":\"\",\"priority\":101}");
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.body()).contains("id 'VIP' must be", "name is required", "priority must be from 0 to 100");
        assertThat(call("POST", null, "admin", "{\"id\":\"x\",\"name\":\"X\"}").body()).contains("priority is required");
        assertThat(call("POST", null, "supervisor", "{\"id\":\"x\",\"name\":\"X\",\"priority\":1}").status)
                .isEqualTo(403);
        assertThat(call("GET", null, "agent", null).status).isEqualTo(403);
        assertThat(call("GET", "/x/y", "admin", null).status).isEqualTo(404);
        assertThat(fixture.store.classes()).isEmpty();
    }
}
