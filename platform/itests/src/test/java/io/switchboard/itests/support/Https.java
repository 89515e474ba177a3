package io.switchboard.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client for the appliance's REST API that trusts exactly the console certificate the
 * appliance generated in its data directory — so the test also proves the certificate is usable.
 */
public final class Https {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final URI base;

    private Https(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    public static Https trusting(Path keystore, Path passwordFile, int port) throws Exception {
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
        KeyStore console = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            console.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        for (String alias : Collections.list(console.aliases())) {
            Certificate certificate = console.getCertificate(alias);
            if (certificate != null) {
                trust.setCertificateEntry(alias, certificate);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return new Https(client, URI.create("https://127.0.0.1:" + port + "/api/v1"));
    }

    public Reply get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, Object body) throws Exception {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String token, Object body) throws Exception {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Logs in through {@code POST /auth/token} and returns the bearer token. Right after the
     * "started" line the console may still be applying its migrations, and its servlets are not
     * registered yet (404): that is waited out, with a ceiling.
     */
    public String login(String user, String password) throws Exception {
        Reply reply = Await.until(Duration.ofSeconds(30),
                () -> post("/auth/token", null, Map.of("username", user, "password", password)),
                r -> r.status() != 404);
        if (reply.status() != 200) {
            throw new AssertionError("login as " + user + " failed: " + reply);
        }
        String token = reply.json().get("token").asText();
        // core-rest registers once core's migrations are in: the tests use its resources next
        Await.until(Duration.ofSeconds(30), () -> get("/routes", token).status(), status -> status != 404);
        return token;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) throws Exception {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
