package io.switchboard.acd.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.routing.AgentCandidate;
import io.switchboard.api.routing.RoutingRequest;
import io.switchboard.api.routing.RoutingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration AGEING = Duration.ofSeconds(30);
    private static final int STANDARD = 0;
    private static final int VIP = 5;

    private final Map<String, RoutingStrategy> vendorStrategies = new HashMap<>();
    private final RoutingEngine engine = new RoutingEngine(AGEING, name -> Optional.ofNullable(vendorStrategies.get(name)));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void queue(String id, String skill, int level, String strategy, OverflowStep... overflow) {
        engine.defineQueue(new QueueRules(id, new SkillRequirement(skill, level), strategy, List.of(overflow), null));
    }

    private void ready(String agentId, long idleSinceSeconds, int callsToday, Object... skillLevels) {
        Map<String, Integer> skills = new HashMap<>();
        for (int i = 0; i < skillLevels.length; i += 2) {
            skills.put((String) skillLevels[i], (Integer) skillLevels[i + 1]);
        }
        engine.agentReady(new AgentProfile(agentId, skills), at(idleSinceSeconds), callsToday);
    }

    private static OverflowStep after(long seconds, String skill, int level) {
        return new OverflowStep(Duration.ofSeconds(seconds), new SkillRequirement(skill, level));
    }

    private Optional<String> agentFor(String callId, long nowSeconds) {
        return engine.routeCall(callId, at(nowSeconds)).map(Assignment::agentId);
    }

    @Nested
    class WaitingOrder {

        @Test
        void higherPriorityGoesFirst() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", VIP, at(5));
            engine.enqueue("c3", "general", 2, at(6));

            assertThat(engine.waitingOrder("general")).containsExactly("c2", "c3", "c1");
        }

        @Test
        void equalPriorityIsFirstInFirstOut() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c2", "general", STANDARD, at(1));
            engine.enqueue("c1", "general", STANDARD, at(2));
            engine.enqueue("c3", "general", STANDARD, at(3));

            assertThat(engine.waitingOrder("general")).containsExactly("c2", "c1", "c3");
        }

        @Test
        void longWaitingStandardCallerPassesNewerVipOnlyOnceAgeingMakesUpTheDifference() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("standard", "general", STANDARD, at(0));
            // 5 points × 30 s = 150 s: a VIP arriving later than that is behind, earlier is ahead
            engine.enqueue("vip-early", "general", VIP, at(149));
            engine.enqueue("vip-late", "general", VIP, at(151));

            assertThat(engine.waitingOrder("general")).containsExactly("vip-early", "standard", "vip-late");
        }

        @Test
        void ageingDecidesWhichCallAnAgentGets() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("standard", "general", STANDARD, at(0));
            engine.enqueue("vip", "general", VIP, at(200));
            ready("a1", 0, 0, "general", 5);

            assertThat(engine.routeAgent("a1", at(201)).map(Assignment::callId)).contains("standard");
        }

        @Test
        void requeueWithOriginalTimeRegainsItsPlace() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", STANDARD, at(10));
            engine.enqueue("c3", "general", STANDARD, at(20));
            ready("a1", 0, 0, "general", 5);
            assertThat(engine.routeAgent("a1", at(30)).map(Assignment::callId)).contains("c1");

            // ring, no answer: the controller puts it back with its original time
            engine.enqueue("c1", "general", STANDARD, at(0));

            assertThat(engine.waitingOrder("general")).containsExactly("c1", "c2", "c3");
            assertThat(engine.position("c1")).isEqualTo(1);
        }

        @Test
        void statusReportsPositionCountAndOldest() {
            queue("general", "general", 1, "longest-idle");
            queue("cards", "cards", 3, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", VIP, at(10));
            engine.enqueue("c3", "cards", STANDARD, at(20));

            assertThat(engine.position("c2")).isEqualTo(1);
            assertThat(engine.position("c1")).isEqualTo(2);
            assertThat(engine.position("c3")).isEqualTo(1);
            assertThat(engine.position("nobody")).isZero();
            assertThat(engine.waiting("general")).isEqualTo(2);
            assertThat(engine.waiting("unknown")).isZero();
            assertThat(engine.oldestEnqueued("general")).contains(at(0));
            assertThat(engine.oldestEnqueued("vip")).isEmpty();
            assertThat(engine.waitingOrder("unknown")).isEmpty();

            assertThat(engine.remove("c2")).isTrue();
            assertThat(engine.remove("c2")).isFalse();
            assertThat(engine.position("c1")).isEqualTo(1);
            assertThat(engine.position("c2")).isZero();
        }
    }

    @Nested
    class SkillLevels {

        @Test
        void agentBelowMinimumIsNotEligibleAndExactlyMinimumIs() {
            queue("cards", "cards", 3, "longest-idle");
            engine.enqueue("c1", "cards", STANDARD, at(0));
            ready("below", 0, 0, "cards", 2);
            ready("other-skill", 0, 0, "general", 9);

            assertThat(agentFor("c1", 1)).isEmpty();

            ready("exact", 5, 0, "cards", 3);
            assertThat(agentFor("c1", 6)).contains("exact");
        }

        @Test
        void onlyReadyAgentsAreCandidates() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            ready("a1", 0, 0, "general", 5);
            engine.agentUnavailable("a1");
            engine.agentUnavailable("never-seen");

            assertThat(agentFor("c1", 1)).isEmpty();
            assertThat(engine.routeAgent("a1", at(1))).isEmpty();
        }

        @Test
        void agentReadyAgainReplacesSkillsAndIdleTime() {
            queue("cards", "cards", 3, "longest-idle");
            ready("a1", 0, 0, "cards", 5);
            ready("a1", 0, 0, "general", 5);
            engine.enqueue("c1", "cards", STANDARD, at(0));

            assertThat(agentFor("c1", 1)).isEmpty();
            assertThat(engine.readyAgents()).isEqualTo(1);
        }

        @Test
        void decisionRemovesCallAndAgent() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", STANDARD, at(1));
            ready("a1", 0, 0, "general", 5);

            assertThat(engine.routeCall("c1", at(2))).contains(new Assignment("c1", "a1", "general"));
            assertThat(engine.waitingOrder("general")).containsExactly("c2");
            assertThat(agentFor("c2", 3)).isEmpty();
        }
    }

    @Nested
    class Strategies {

        @Test
        void longestIdleTakesTheEarliestIdleSince() {
            queue("general", "general", 1, "longest-idle");
            ready("recent", 50, 0, "general", 5);
            ready("oldest", 10, 9, "general", 1);
            ready("middle", 20, 0, "general", 9);
            engine.enqueue("c1", "general", STANDARD, at(60));

            assertThat(agentFor("c1", 61)).contains("oldest");
        }

        @Test
        void bestSkillTakesTheHighestLevelThenLongestIdle() {
            queue("general", "general", 2, "best-skill");
            ready("level5", 0, 0, "general", 5);
            ready("level8-recent", 30, 0, "general", 8);
            ready("level8-idle", 20, 0, "general", 8);
            engine.enqueue("c1", "general", STANDARD, at(60));

            assertThat(agentFor("c1", 61)).contains("level8-idle");
        }

        @Test
        void bestSkillRanksOverflowAgentsByTheOverflowSkill() {
            queue("cards", "cards", 5, "best-skill", after(30, "general", 3));
            ready("cards5", 0, 0, "cards", 5, "general", 9);
            ready("general7", 0, 0, "general", 7, "cards", 1);
            engine.enqueue("c1", "cards", STANDARD, at(0));

            // cards5 meets the queue's own skill and so ranks by it (5), not by general 9
            assertThat(agentFor("c1", 30)).contains("general7");
        }

        @Test
        void fewestCallsThenLongestIdle() {
            queue("general", "general", 1, "fewest-calls");
            ready("busy", 0, 12, "general", 5);
            ready("quiet-recent", 40, 3, "general", 5);
            ready("quiet-idle", 30, 3, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(60));

            assertThat(agentFor("c1", 61)).contains("quiet-idle");
        }

        @Test
        void roundRobinTakesTheNextIdAndWraps() {
            queue("general", "general", 1, "round-robin");
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ready("a1", 0, 0, "general", 5);
                ready("a2", 0, 0, "general", 5);
                ready("a3", 0, 0, "general", 5);
                engine.enqueue("c" + i, "general", STANDARD, at(i));
                chosen.add(agentFor("c" + i, i).orElseThrow());
            }

            assertThat(chosen).containsExactly("a1", "a2", "a3", "a1");
        }

        @Test
        void roundRobinSkipsToTheNextReadyIdWhenTheFollowingOneIsAway() {
            queue("general", "general", 1, "round-robin");
            ready("a1", 0, 0, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(0));
            assertThat(agentFor("c1", 1)).contains("a1");

            ready("a1", 0, 0, "general", 5);
            ready("a3", 0, 0, "general", 5);
            engine.enqueue("c2", "general", STANDARD, at(2));
            assertThat(agentFor("c2", 3)).contains("a3");
        }

        @Test
        void vendorStrategyChoosesAmongTheEligibleCandidates() {
            List<AgentCandidate> offered = new ArrayList<>();
            List<RoutingRequest> requests = new ArrayList<>();
            vendorStrategies.put("most-experienced", (request, candidates) -> {
                requests.add(request);
                offered.addAll(candidates);
                return candidates.stream().max((a, b) -> Integer.compare(a.callsToday(), b.callsToday()))
                        .map(AgentCandidate::agentId);
            });
            queue("general", "general", 3, "most-experienced");
            ready("a1", 0, 5, "general", 5);
            ready("a2", 10, 50, "general", 4);
            ready("too-low", 0, 99, "general", 2);
            engine.enqueue("c1", "general", VIP, at(20));

            assertThat(agentFor("c1", 50)).contains("a2");
            assertThat(requests).containsExactly(
                    new RoutingRequest("c1", "general", "general", 3, VIP, Duration.ofSeconds(30)));
            assertThat(offered).containsExactly(
                    new AgentCandidate("a1", 5, Duration.ofSeconds(50), 5),
                    new AgentCandidate("a2", 4, Duration.ofSeconds(40), 50));
            assertThat(engine.vendorFallbackCount()).isZero();
        }

        @Test
        void vendorStrategyMayLeaveTheCallWaiting() {
            vendorStrategies.put("picky", (request, candidates) -> Optional.empty());
            queue("general", "general", 1, "picky");
            ready("a1", 0, 0, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(0));

            assertThat(agentFor("c1", 1)).isEmpty();
            assertThat(engine.routeAgent("a1", at(1))).isEmpty();
            assertThat(engine.waitingOrder("general")).containsExactly("c1");
            assertThat(engine.vendorFallbackCount()).isZero();
        }

        @Test
        void vendorChoosingAnAgentItWasNotOfferedFallsBackToLongestIdle() {
            vendorStrategies.put("bogus", (request, candidates) -> Optional.of("not-a-candidate"));
            queue("general", "general", 1, "bogus");
            ready("recent", 20, 0, "general", 5);
            ready("idle", 10, 0, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(30));

            assertThat(agentFor("c1", 31)).contains("idle");
            assertThat(engine.lastVendorFallback()).contains(
                    new VendorFallback("bogus", "c1", VendorFallback.Reason.UNKNOWN_AGENT, Optional.empty()));
        }

        @Test
        void vendorThatThrowsFallsBackToLongestIdle() {
            IllegalStateException failure = new IllegalStateException("vendor bug");
            vendorStrategies.put("broken", (request, candidates) -> {
                throw failure;
            });
            queue("general", "general", 1, "broken");
            ready("recent", 20, 0, "general", 5);
            ready("idle", 10, 0, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(30));

            assertThat(agentFor("c1", 31)).contains("idle");
            assertThat(engine.vendorFallbackCount()).isEqualTo(1);
            assertThat(engine.lastVendorFallback().orElseThrow().reason()).isEqualTo(VendorFallback.Reason.FAILED);
            assertThat(engine.lastVendorFallback().orElseThrow().cause()).contains(failure);
        }

        @Test
        void unknownStrategyNameRoutesLongestIdle() {
            queue("general", "general", 1, "no-such-vendor");
            ready("recent", 20, 0, "general", 5);
            ready("idle", 10, 0, "general", 5);
            engine.enqueue("c1", "general", STANDARD, at(30));

            assertThat(agentFor("c1", 31)).contains("idle");
            assertThat(engine.lastVendorFallback().orElseThrow().reason())
                    .isEqualTo(VendorFallback.Reason.NOT_REGISTERED);
        }
    }

    @Nested
    class Overflow {

        @Test
        void overflowAgentBecomesEligibleExactlyAtTheStepTime() {
            queue("cards", "cards", 5, "longest-idle", after(30, "general", 3));
            engine.enqueue("c1", "cards", STANDARD, at(0));
            ready("generalist", 0, 0, "general", 3);

            assertThat(engine.routeAgent("generalist", at(29))).isEmpty();
            assertThat(agentFor("c1", 29)).isEmpty();
            assertThat(agentFor("c1", 30)).contains("generalist");
        }

        @Test
        void routeAgentHonoursOverflowTime() {
            queue("cards", "cards", 5, "longest-idle", after(30, "general", 3));
            engine.enqueue("c1", "cards", STANDARD, at(0));
            ready("generalist", 0, 0, "general", 4);

            assertThat(engine.routeAgent("generalist", at(30)).map(Assignment::callId)).contains("c1");
        }

        @Test
        void routeDueMatchesWhenTheStepActivatesAndNextWakeUpNamesThatInstant() {
            queue("cards", "cards", 5, "longest-idle", after(30, "general", 3), after(60, "general", 1));
            engine.enqueue("c1", "cards", STANDARD, at(0));
            ready("general1", 0, 0, "general", 1);

            assertThat(engine.nextWakeUp(at(0))).contains(at(30));
            assertThat(engine.routeDue(at(29))).isEmpty();
            assertThat(engine.routeDue(at(30))).isEmpty();
            assertThat(engine.nextWakeUp(at(30))).contains(at(60));

            ready("general3", 40, 0, "general", 3);
            assertThat(engine.routeDue(at(59))).isEmpty();
            assertThat(engine.routeDue(at(60))).containsExactly(new Assignment("c1", "general1", "cards"));
            assertThat(engine.nextWakeUp(at(60))).isEmpty();
        }

        @Test
        void routeDueServesCallsInWaitingOrder() {
            queue("cards", "cards", 5, "longest-idle", after(30, "general", 3));
            engine.enqueue("standard", "cards", STANDARD, at(0));
            engine.enqueue("vip", "cards", VIP, at(0));
            ready("generalist", 0, 0, "general", 3);

            assertThat(engine.routeDue(at(30))).containsExactly(new Assignment("vip", "generalist", "cards"));
        }

        @Test
        void routeAgentTakesTheHighestOrderedCallItMayTakeAndSkipsOthers() {
            queue("cards", "cards", 5, "longest-idle", after(30, "general", 3));
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("cards-vip-new", "cards", VIP, at(100));    // not yet overflowed
            engine.enqueue("cards-old", "cards", STANDARD, at(0));     // overflowed
            engine.enqueue("general-new", "general", STANDARD, at(90));
            ready("generalist", 0, 0, "general", 3);

            assertThat(engine.routeAgent("generalist", at(110)).map(Assignment::callId)).contains("cards-old");
            ready("generalist", 0, 0, "general", 3);
            assertThat(engine.routeAgent("generalist", at(110)).map(Assignment::callId)).contains("general-new");
            assertThat(engine.waitingOrder("cards")).containsExactly("cards-vip-new");
        }
    }

    @Nested
    class MaxWait {

        @Test
        void callsExpireAtMaxWaitInWaitingOrder() {
            engine.defineQueue(new QueueRules("general", new SkillRequirement("general", 1), "longest-idle",
                    List.of(), Duration.ofSeconds(120)));
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", VIP, at(10));
            engine.enqueue("c3", "general", STANDARD, at(50));

            assertThat(engine.nextWakeUp(at(0))).contains(at(120));
            assertThat(engine.expired(at(119))).isEmpty();
            assertThat(engine.expired(at(130))).containsExactly("c2", "c1");
            assertThat(engine.waitingOrder("general")).containsExactly("c3");
            assertThat(engine.nextWakeUp(at(130))).contains(at(170));
        }

        @Test
        void aCallbackRequestKeepsItsPlaceButNeverExpires() {
            engine.defineQueue(new QueueRules("general", new SkillRequirement("general", 1), "longest-idle",
                    List.of(), Duration.ofSeconds(120)));
            engine.enqueueCallback("callback:1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", STANDARD, at(10));

            assertThat(engine.waitingOrder("general")).containsExactly("callback:1", "c2");
            assertThat(engine.nextWakeUp(at(0))).contains(at(130));
            assertThat(engine.expired(at(500))).containsExactly("c2");
            assertThat(engine.position("callback:1")).isEqualTo(1);
            ready("a1", 0, 0, "general", 1);
            assertThat(engine.routeAgent("a1", at(500)).map(Assignment::callId)).contains("callback:1");
        }

        @Test
        void nextWakeUpIsTheEarlierOfOverflowAndExpiry() {
            engine.defineQueue(new QueueRules("cards", new SkillRequirement("cards", 3), "longest-idle",
                    List.of(after(45, "general", 1)), Duration.ofSeconds(40)));
            engine.enqueue("c1", "cards", STANDARD, at(0));

            assertThat(engine.nextWakeUp(at(0))).contains(at(40));
            assertThat(engine.nextWakeUp(at(41))).contains(at(41));
        }

        @Test
        void callsOfARemovedQueueComeBackFromExpired() {
            queue("general", "general", 1, "longest-idle");
            engine.enqueue("c1", "general", STANDARD, at(0));
            engine.enqueue("c2", "general", STANDARD, at(1));
            engine.removeQueue("general");
            engine.removeQueue("general");

            assertThat(engine.nextWakeUp(at(5))).contains(at(5));
            assertThat(engine.expired(at(5))).containsExactly("c1", "c2");
            assertThat(engine.position("c1")).isZero();
            assertThat(engine.nextWakeUp(at(5))).isEmpty();
        }
    }

    @Nested
    class QueueDefinition {

        @Test
        void replacingAQueueKeepsItsCallsInPlaceUnderTheNewRules() {
            queue("cards", "cards", 5, "longest-idle");
            engine.enqueue("c1", "cards", STANDARD, at(0));
            engine.enqueue("c2", "cards", STANDARD, at(5));
            ready("a1", 0, 0, "cards", 3);
            assertThat(agentFor("c1", 6)).isEmpty();

            queue("cards", "cards", 3, "best-skill", after(10, "general", 1));

            assertThat(engine.waitingOrder("cards")).containsExactly("c1", "c2");
            assertThat(engine.nextWakeUp(at(6))).contains(at(10));
            assertThat(agentFor("c1", 6)).contains("a1");
        }

        @Test
        void enqueueOnAnUnknownQueueIsRejected() {
            assertThatThrownBy(() -> engine.enqueue("c1", "nowhere", STANDARD, at(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nowhere");
        }

        @Test
        void levelsOutsideOneToTenAreRejected() {
            assertThatThrownBy(() -> new SkillRequirement("cards", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SkillRequirement("cards", 11)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AgentProfile("a1", Map.of("cards", 11)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cards");
            assertThatThrownBy(() -> new OverflowStep(Duration.ofSeconds(-1), new SkillRequirement("x", 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RoutingEngine(Duration.ZERO, VendorStrategies.NONE))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void unknownIdsAreIgnored() {
            assertThat(engine.remove("nobody")).isFalse();
            engine.agentUnavailable("nobody");
            engine.removeQueue("nothing");
            assertThat(engine.routeCall("nobody", at(0))).isEmpty();
            assertThat(engine.routeAgent("nobody", at(0))).isEmpty();
            assertThat(engine.routeDue(at(0))).isEmpty();
            assertThat(engine.expired(at(0))).isEmpty();
            assertThat(engine.nextWakeUp(at(0))).isEmpty();
        }
    }
}
