package io.switchboard.benchmarks;

import io.switchboard.acd.internal.routing.AgentProfile;
import io.switchboard.acd.internal.routing.Assignment;
import io.switchboard.acd.internal.routing.OverflowStep;
import io.switchboard.acd.internal.routing.QueueRules;
import io.switchboard.acd.internal.routing.RoutingEngine;
import io.switchboard.acd.internal.routing.SkillRequirement;
import io.switchboard.acd.internal.routing.VendorStrategies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ACD routing decision on a large site: {@link #agents} agents with 1–5 of {@link #skills}
 * skills (levels 1–10), about half READY, and {@link #calls} calls waiting across one queue per
 * skill with mixed priorities, strategies and an overflow step. {@code routeCall} finds an agent for
 * a waiting call; {@code routeAgent} finds a call for a READY agent. Both cycle through all calls or
 * agents so caches see the whole working set.
 *
 * <p>A decision removes the matched call and agent; the per-invocation teardown puts both back with
 * their original times, so every invocation sees the same engine. Sample mode times invocations
 * one by one, which gives the p99 the target is about (50 µs) and makes the teardown's exclusion
 * from timing exact.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AcdRoutingBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String[] STRATEGIES = {"longest-idle", "best-skill", "fewest-calls", "round-robin"};

    @Param({"5000"})
    public int agents;

    @Param({"200"})
    public int skills;

    @Param({"1000"})
    public int calls;

    private RoutingEngine engine;
    private final Map<String, ReadyAgent> readyById = new HashMap<>();
    private final Map<String, WaitingCall> waitingById = new HashMap<>();
    private String[] callIds;
    private String[] readyIds;
    private int nextCall;
    private int nextAgent;
    private Optional<Assignment> last = Optional.empty();

    private record ReadyAgent(AgentProfile profile, Instant idleSince, int callsToday) {
    }

    private record WaitingCall(String callId, String queueId, int priority, Instant enqueuedAt) {
    }

    @Setup(Level.Trial)
    public void buildSite() {
        Random random = new Random(42);
        engine = new RoutingEngine(Duration.ofSeconds(30), VendorStrategies.NONE);
        for (int s = 0; s < skills; s++) {
            OverflowStep widen = new OverflowStep(Duration.ofSeconds(60),
                    new SkillRequirement(skill((s + 1) % skills), 1 + random.nextInt(5)));
            engine.defineQueue(new QueueRules(queue(s), new SkillRequirement(skill(s), 1 + random.nextInt(5)),
                    STRATEGIES[s % STRATEGIES.length], List.of(widen), Duration.ofMinutes(30)));
        }
        List<String> ready = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            Map<String, Integer> levels = new HashMap<>();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                levels.put(skill(random.nextInt(skills)), 1 + random.nextInt(10));
            }
            if (random.nextBoolean()) {
                ReadyAgent agent = new ReadyAgent(new AgentProfile("agent-" + a, levels),
                        NOW.minusSeconds(random.nextInt(900)), random.nextInt(60));
                readyById.put(agent.profile().agentId(), agent);
                ready.add(agent.profile().agentId());
                putBack(agent);
            }
        }
        for (int c = 0; c < calls; c++) {
            int priority = random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(5);
            WaitingCall call = new WaitingCall("call-" + c, queue(random.nextInt(skills)), priority,
                    NOW.minusMillis(random.nextInt(300_000)));
            waitingById.put(call.callId(), call);
            putBack(call);
        }
        callIds = waitingById.keySet().toArray(String[]::new);
        readyIds = ready.toArray(String[]::new);
    }

    @Benchmark
    public Optional<Assignment> routeCall() {
        last = engine.routeCall(callIds[nextCall], NOW);
        nextCall = (nextCall + 1) % callIds.length;
        return last;
    }

    @Benchmark
    public Optional<Assignment> routeAgent() {
        last = engine.routeAgent(readyIds[nextAgent], NOW);
        nextAgent = (nextAgent + 1) % readyIds.length;
        return last;
    }

    /** Undoes the decision so the next invocation meets the same engine. */
    @TearDown(Level.Invocation)
    public void putBackMatched() {
        last.ifPresent(match -> {
            putBack(readyById.get(match.agentId()));
            putBack(waitingById.get(match.callId()));
        });
        last = Optional.empty();
    }

    private void putBack(ReadyAgent agent) {
        engine.agentReady(agent.profile(), agent.idleSince(), agent.callsToday());
    }

    private void putBack(WaitingCall call) {
        engine.enqueue(call.callId(), call.queueId(), call.priority(), call.enqueuedAt());
    }

    private static String skill(int index) {
        return "skill-" + index;
    }

    private static String queue(int index) {
        return "queue-" + index;
    }
}
