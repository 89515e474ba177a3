package io.switchboard.acd.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.routing.AgentCandidate;
import io.switchboard.api.routing.RoutingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random operations on the engine and on {@link ReferenceRouter}; after each, both must have made
 * the same decisions and hold the same queues. A failure names the seed and the step to replay.
 */
class RoutingEnginePropertyTest {

    private static final Duration AGEING = Duration.ofSeconds(10);
    private static final String[] SKILLS = {"general", "cards", "loans", "fx", "private"};
    private static final String[] QUEUES = {"q1", "q2", "q3", "q4"};
    private static final String[] STRATEGIES = {
        "longest-idle", "best-skill", "fewest-calls", "round-robin",
        "vendor-most-calls", "vendor-picky", "vendor-bogus", "vendor-throws", "not-registered"};

    private static final Map<String, RoutingStrategy> VENDORS = Map.of(
            "vendor-most-calls", (request, candidates) -> candidates.stream()
                    .max(Comparator.comparingInt(AgentCandidate::callsToday)
                            .thenComparing(AgentCandidate::agentId, Comparator.reverseOrder()))
                    .map(AgentCandidate::agentId),
            // waits for a level-7 agent until the call has waited 40 s, then takes the best level
            "vendor-picky", (request, candidates) -> candidates.stream()
                    .filter(c -> c.skillLevel() >= 7 || request.waited().getSeconds() >= 40)
                    .max(Comparator.comparingInt(AgentCandidate::skillLevel)
                            .thenComparing(AgentCandidate::idleFor))
                    .map(AgentCandidate::agentId),
            "vendor-bogus", (request, candidates) -> Optional.of("nobody"),
            "vendor-throws", (request, candidates) -> {
                throw new IllegalStateException("vendor bug");
            });
    private static final VendorStrategies VENDOR_LOOKUP = name -> Optional.ofNullable(VENDORS.get(name));

    private Random random;
    private Instant now;
    private RoutingEngine engine;
    /** Decisions that matched something, by operation: the run must really have exercised each. */
    private final Map<String, Integer> decisions = new HashMap<>();
    private ReferenceRouter reference;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void engineDecidesLikeTheBruteForceReference(long seed) {
        random = new Random(seed);
        now = Instant.parse("2026-11-23T09:00:00Z");
        engine = new RoutingEngine(AGEING, VENDOR_LOOKUP);
        reference = new ReferenceRouter(AGEING, VENDOR_LOOKUP);
        for (String queue : QUEUES) {
            defineQueue(queue);
        }
        for (int step = 0; step < 2_000; step++) {
            String context = "seed " + seed + " step " + step;
            now = now.plusMillis(random.nextInt(4) == 0 ? random.nextInt(20_000) : 0);
            randomOperation(context);
            assertSameState(context);
        }
        assertThat(decisions).as("matches per operation").containsKeys("routeCall", "routeAgent", "expired");
        assertThat(decisions.values().stream().mapToInt(Integer::intValue).sum()).as("matches").isGreaterThan(150);
        assertThat(engine.vendorFallbackCount()).as("vendor fallbacks").isPositive();
    }

    private void randomOperation(String context) {
        int pick = random.nextInt(100);
        if (pick < 3) {
            defineQueue(oneOf(QUEUES));
        } else if (pick < 4) {
            String queue = oneOf(QUEUES);
            engine.removeQueue(queue);
            reference.removeQueue(queue);
        } else if (pick < 26) {
            agentReady();
        } else if (pick < 30) {
            String agent = agentId();
            engine.agentUnavailable(agent);
            reference.agentUnavailable(agent);
        } else if (pick < 50) {
            enqueue(context);
        } else if (pick < 55) {
            String call = callId();
            assertThat(engine.remove(call)).as(context).isEqualTo(reference.remove(call));
        } else if (pick < 70) {
            String call = callId();
            same(context + " routeCall " + call, () -> engine.routeCall(call, now), () -> reference.routeCall(call, now));
        } else if (pick < 85) {
            String agent = agentId();
            same(context + " routeAgent " + agent, () -> engine.routeAgent(agent, now), () -> reference.routeAgent(agent, now));
        } else if (pick < 93) {
            same(context + " routeDue", () -> engine.routeDue(now), () -> reference.routeDue(now));
        } else {
            same(context + " expired", () -> engine.expired(now), () -> reference.expired(now));
        }
    }

    private void defineQueue(String queueId) {
        List<OverflowStep> overflow = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            overflow.add(new OverflowStep(Duration.ofSeconds(random.nextInt(61)), requirement()));
        }
        Duration maxWait = random.nextBoolean() ? null : Duration.ofSeconds(30 + random.nextInt(200));
        QueueRules rules = new QueueRules(queueId, requirement(), oneOf(STRATEGIES), overflow, maxWait);
        engine.defineQueue(rules);
        reference.defineQueue(rules);
    }

    private SkillRequirement requirement() {
        return new SkillRequirement(oneOf(SKILLS), 1 + random.nextInt(7));
    }

    private void agentReady() {
        Map<String, Integer> skills = new HashMap<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            skills.put(oneOf(SKILLS), 3 + random.nextInt(8));
        }
        AgentProfile profile = new AgentProfile(agentId(), skills);
        Instant idleSince = now.minusSeconds(random.nextInt(100));
        int callsToday = random.nextInt(5);
        engine.agentReady(profile, idleSince, callsToday);
        reference.agentReady(profile, idleSince, callsToday);
    }

    private void enqueue(String context) {
        String call = callId();
        String queue = oneOf(QUEUES);
        int priority = random.nextInt(4);
        Instant enqueuedAt = random.nextBoolean() ? now : now.minusSeconds(random.nextInt(60));
        Optional<String> engineError = failure(() -> engine.enqueue(call, queue, priority, enqueuedAt));
        Optional<String> referenceError = failure(() -> reference.enqueue(call, queue, priority, enqueuedAt));
        assertThat(engineError.isPresent()).as(context + " enqueue refused").isEqualTo(referenceError.isPresent());
    }

    private static Optional<String> failure(Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void assertSameState(String context) {
        for (String queue : QUEUES) {
            assertThat(engine.waitingOrder(queue)).as(context + " order of " + queue)
                    .isEqualTo(reference.waitingOrder(queue));
        }
        String call = callId();
        assertThat(engine.position(call)).as(context + " position of " + call).isEqualTo(reference.position(call));
        assertThat(engine.readyAgents()).as(context + " ready agents").isEqualTo(reference.readyAgents());
        assertThat(engine.nextWakeUp(now)).as(context + " next wake-up").isEqualTo(reference.nextWakeUp(now));
        assertThat(engine.vendorFallbackCount()).as(context + " fallbacks").isEqualTo(reference.fallbacks());
    }

    private <T> void same(String context, Supplier<T> fromEngine, Supplier<T> fromReference) {
        T expected = fromReference.get();
        T actual = fromEngine.get();
        assertThat(actual).as(context).isEqualTo(expected);
        boolean decided = expected instanceof Optional<?> one ? one.isPresent() : !((List<?>) expected).isEmpty();
        if (decided) {
            decisions.merge(context.substring(context.lastIndexOf("step")).split(" ")[2], 1, Integer::sum);
        }
    }

    private String agentId() {
        return "a" + random.nextInt(15);
    }

    private String callId() {
        return "c" + random.nextInt(40);
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
