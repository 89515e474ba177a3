package io.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.switchboard.store.api.Database;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Hashtable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Every shipped bundle inside the real Felix container, checked from within: they resolve and
 * start, and the services that wire them together are there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {

    @Inject
    BundleContext context;

    // Waits (up to the timeout) for the store to have applied console's migrations.
    @Inject
    @Filter(value = "(switchboard.schema=io.switchboard.console)", timeout = 30_000)
    Database consoleDatabase;

    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("switchboard.dist"));
        Path data = Files.createTempDirectory("switchboard-container-it");
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("pax.exam.logging").value("none"),
                // slf4j 2 from the class path, as the launcher exports it; Pax Exam's own bundles
                // still import org.slf4j [1.5,2), which the same 2.x classes serve unchanged.
                systemPackages("org.slf4j;version=2.0.16", "org.slf4j.spi;version=2.0.16",
                        "org.slf4j.event;version=2.0.16", "org.slf4j.helpers;version=2.0.16",
                        "org.slf4j;version=1.7.36", "org.slf4j.spi;version=1.7.36",
                        "org.slf4j.helpers;version=1.7.36"),
                frameworkProperty("switchboard.version").value(System.getProperty("switchboard.version")),
                frameworkProperty("switchboard.data").value(data.toString()),
                frameworkProperty("switchboard.db").value(data.resolve("switchboard.db").toString()),
                frameworkProperty("switchboard.demo").value("false"),
                // Plain HTTP on a free loopback port: the wiring is under test here, TLS in DistributionIT.
                frameworkProperty("org.apache.felix.http.enable").value("true"),
                frameworkProperty("org.apache.felix.https.enable").value("false"),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(freePort())),
                frameworkStartLevel(10),
                junitBundles()));
        for (Path jar : shippedBundles(dist)) {
            int level = Integer.parseInt(jar.getParent().getFileName().toString().split("-", 2)[0]);
            options.add(bundle(jar.toUri().toString()).startLevel(level));
        }
        return options(options.toArray(Option[]::new));
    }

    @Test
    public void everyShippedBundleIsActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertEquals("bundles not running: " + problems, List.of(), problems);
    }

    @Test
    public void storeServesConsoleSchemaWithWritesThatReadBack() throws Exception {
        Integer written = consoleDatabase.write(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS it_probe(v INTEGER)");
                return s.executeUpdate("INSERT INTO it_probe(v) VALUES (1)");
            }
        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(Integer.valueOf(1), written);

        Long tables = consoleDatabase.read(c -> {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertTrue("console's migrations created tables", tables > 0);
    }

    @Test
    public void storeRegistersOneDatabasePerMigratingBundle() throws Exception {
        Collection<ServiceReference<Database>> refs = context.getServiceReferences(Database.class, null);
        List<Object> schemas = refs.stream().map(r -> r.getProperty(Database.SCHEMA)).toList();
        assertTrue("schemas: " + schemas, schemas.contains("io.switchboard.console"));
    }

    @Test
    public void consoleFilterGuardsServletsOfOtherBundles() throws Exception {
        // This test's probe is a bundle of its own, like any vendor's add-on.
        HttpServlet probe = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().print("probe user=" + request.getUserPrincipal().getName()
                        + " admin=" + request.isUserInRole("admin"));
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/api/v1/itest-probe");
        ServiceRegistration<Servlet> registration = context.registerService(Servlet.class, probe, properties);
        try {
            String base = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/v1";
            HttpClient http = HttpClient.newHttpClient();
            String token = login(http, base);

            HttpResponse<String> allowed = awaitProbe(http, base, token);
            assertEquals("probe user=admin admin=true", allowed.body());

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/itest-probe"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.body(), anonymous.body().contains("\"error\""));
        } finally {
            registration.unregister();
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"it-admin-Secret-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(reply.body(), 200, reply.statusCode());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).get("token").asText();
    }

    /** The whiteboard picks the servlet up asynchronously; until then the console's catch-all answers 404. */
    private static HttpResponse<String> awaitProbe(HttpClient http, String base, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> reply;
        do {
            reply = http.send(HttpRequest.newBuilder(URI.create(base + "/itest-probe"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 200) {
                return reply;
            }
            Thread.sleep(50); // poll interval while the whiteboard registers the servlet
        } while (System.nanoTime() < deadline);
        throw new AssertionError("probe servlet never answered: " + reply.statusCode() + " " + reply.body());
    }

    private static List<Path> shippedBundles(Path dist) {
        try (Stream<Path> files = Files.walk(dist.resolve("bundles"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no distribution at " + dist + " (build appliance-image first)", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
