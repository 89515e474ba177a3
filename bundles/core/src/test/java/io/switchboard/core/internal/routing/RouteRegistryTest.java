package io.switchboard.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.journal.JournalEntry;
import io.switchboard.core.api.Holiday;
import io.switchboard.core.api.Route;
import io.switchboard.core.api.RouteConfigException;
import io.switchboard.core.api.RouteDecision;
import io.switchboard.core.internal.journal.JournalRows;
import io.switchboard.core.internal.journal.JournalStore;
import io.switchboard.core.internal.journal.TestDatabase;
import io.switchboard.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteRegistryTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T02:00:00Z"));
    private RouteRegistry registry;
    private JournalStore journal;

    @BeforeEach
    void open() throws Exception {
        database = new TestDatabase(directory);
        registry = newRegistry();
        journal = new JournalStore(database, clock, new JournalRows(new ObjectMapper()));
    }

    private RouteRegistry newRegistry() throws Exception {
        return new RouteRegistry(database, clock, new ObjectMapper(), Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private static Route route(String id, String pattern, String hours, String alternate) {
        return new Route(id, pattern, "ivr", Map.of("flow", id), hours, "Asia/Shanghai", "CN", alternate, true);
    }

    @Test
    void aCreatedRouteRoutesAtOnceAndIsJournalled() throws Exception {
        registry.create(route("hotline", "95*", "", null), "admin");

        assertThat(registry.route("95566", "1")).get().extracting(RouteDecision::routeId).isEqualTo("hotline");
        assertThat(registry.routes()).extracting(Route::id).containsExactly("hotline");
        JournalEntry entry = journal.read(0, 10).get(0);
        assertThat(entry.type()).isEqualTo("config.changed");
        assertThat(entry.data()).containsEntry("user", "admin").containsEntry("object", "route")
                .containsEntry("id", "hotline").containsEntry("change", "created");
        assertThat(entry.data().get("route")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("pattern", "95*");
    }

    @Test
    void routesSurviveARestart() throws Exception {
        registry.create(route("night", "night", "", null), "admin");
        registry.create(route("day", "100", "mon-fri 08:00-20:00", "night"), "admin");

        Route stored = newRegistry().route("day").orElseThrow();
        assertThat(stored).isEqualTo(route("day", "100", "mon-fri 08:00-20:00", "night"));
    }

    @Test
    void createReplaceAndDeleteCheckExistence() throws Exception {
        registry.create(route("a", "1", "", null), "admin");

        assertThatThrownBy(() -> registry.create(route("a", "2", "", null), "admin"))
                .isInstanceOf(RouteConfigException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> registry.replace(route("b", "2", "", null), "admin"))
                .isInstanceOf(RouteConfigException.class).hasMessageContaining("no route b");
        registry.replace(new Route("a", "1", "acd", Map.of("queue", "general"), "", "UTC", null, null, true), "admin");
        assertThat(registry.route("1", "x")).get().extracting(RouteDecision::controller).isEqualTo("acd");

        registry.delete("a", "admin");
        assertThat(registry.routes()).isEmpty();
        assertThat(registry.route("1", "x")).isEmpty();
        assertThatThrownBy(() -> registry.delete("a", "admin")).hasMessageContaining("no route a");
        assertThat(journal.read(0, 10)).extracting(e -> e.data().get("change"))
                .containsExactly("created", "updated", "deleted");
    }

    @Test
    void aRefusedChangeChangesNothingAndJournalsNothing() throws Exception {
        registry.create(route("night", "night", "", null), "admin");
        registry.create(route("day", "100", "mon-fri 08:00-20:00", "night"), "admin");

        assertThatThrownBy(() -> registry.delete("night", "admin")).isInstanceOf(RouteConfigException.class)
                .hasMessageContaining("alternate of day");
        assertThatThrownBy(() -> registry.create(route("x", "100", "", null), "admin"))
                .hasMessageContaining("already has the pattern");
        assertThatThrownBy(() -> registry.create(route("y", "2", "", null), " "))
                .hasMessageContaining("who makes it");

        assertThat(registry.routes()).hasSize(2);
        assertThat(database.count("core_journal")).isEqualTo(2);
    }

    @Test
    void holidaysAreSavedRenamedDeletedAndClosedRoutesFollowThem() throws Exception {
        // the alternate keeps no calendar: on the holiday it is open
        registry.create(new Route("closed", "closed", "ivr", Map.of(), "", "Asia/Shanghai", null, null, true), "admin");
        registry.create(route("day", "100", "", "closed"), "admin");
        Holiday today = new Holiday("CN", LocalDate.of(2025, 3, 3), "Test Day");

        registry.saveHoliday(today, "admin");
        assertThat(registry.route("100", "x")).get().extracting(RouteDecision::routeId, RouteDecision::reason)
                .containsExactly("closed", "holiday");

        registry.saveHoliday(new Holiday("CN", today.date(), "Renamed"), "admin");
        assertThat(registry.holidays()).singleElement().extracting(Holiday::name).isEqualTo("Renamed");

        registry.deleteHoliday("CN", today.date(), "admin");
        assertThat(registry.route("100", "x")).get().extracting(RouteDecision::routeId).isEqualTo("day");
        assertThatThrownBy(() -> registry.deleteHoliday("CN", today.date(), "admin"))
                .hasMessageContaining("no holiday on 2025-03-03");
        assertThat(journal.read(0, 10)).extracting(e -> e.data().get("id") + " " + e.data().get("change"))
                .endsWith("CN/2025-03-03 created", "CN/2025-03-03 updated", "CN/2025-03-03 deleted");
    }

    @Test
    void demoDataIsAddedOnceAndDeletedDemoRoutesStayDeleted() throws Exception {
        assertThat(registry.seedDemo().toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();

        assertThat(registry.route("100", "x")).contains(new RouteDecision("100", "ivr", Map.of("flow", "hotline"), "open"));
        assertThat(registry.route("200", "x")).contains(new RouteDecision("200", "acd", Map.of("queue", "general"), "open"));
        assertThat(registry.route("300", "x")).contains(new RouteDecision("300", "echo", Map.of(), "open"));
        assertThat(registry.holidays()).extracting(Holiday::calendar).containsOnly("CN").hasSizeGreaterThanOrEqualTo(2);

        registry.delete("100", "admin");
        registry.delete("200", "admin");
        registry.delete("300", "admin");
        RouteRegistry restarted = newRegistry();
        assertThat(restarted.seedDemo().toCompletableFuture().get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(restarted.routes()).isEmpty();
    }

    @Test
    void demoDataIsNotAddedOverExistingRoutes() throws Exception {
        registry.create(route("own", "100", "", null), "admin");

        registry.seedDemo().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(registry.routes()).extracting(Route::id).containsExactly("own");
    }
}
