package io.switchboard.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    private final Json json = new Json();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsCredentials() throws Exception {
        TokenServlet.Credentials credentials =
                json.parse(bytes("{\"username\":\"admin\",\"password\":\"p\"}"), TokenServlet.Credentials.class);

        assertThat(credentials).isEqualTo(new TokenServlet.Credentials("admin", "p"));
        assertThat(credentials.toString()).doesNotContain("p]");
    }

    @Test
    void badJsonIsABadRequestThatDoesNotEchoTheInput() {
        assertThatThrownBy(() -> json.parse(bytes("{\"username\":\"admin\",\"password\":\"hunter2"),
                TokenServlet.Credentials.class))
                .isInstanceOf(BadRequestException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> json.parse(bytes("[\"hunter2\"]"), TokenServlet.Credentials.class))
                .isInstanceOf(BadRequestException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> json.parse(bytes(""), TokenServlet.Credentials.class))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> json.parse(bytes("null"), TokenServlet.Credentials.class))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> json.parse(bytes("{\"user\":\"admin\"}"), TokenServlet.Credentials.class))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'user'");
    }

    @Test
    void errorShape() throws Exception {
        assertThat(json.toJson(new Json.ErrorBody("forbidden", "Only an admin may list bundles.")))
                .isEqualTo("{\"error\":\"forbidden\",\"message\":\"Only an admin may list bundles.\"}");
    }
}
