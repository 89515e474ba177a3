package io.switchboard.acd.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {

    @Test
    void anAgentListsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new Agent("10-01", " ", "tel:1001", Map.of("General", 11), null, false))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "agent 10-01: the id must be 1 to 32 letters and digits",
                        "agent 10-01: name is required",
                        "agent 10-01: device 'tel:1001' must be 'sip:<user>' or 'card:<channel number>'",
                        "agent 10-01: skills name 'General' must be 1 to 32 lower-case letters, digits or '-'",
                        "agent 10-01: skills: 'General' level must be from 1 to 10, not 11"));
    }

    @Test
    void anAgentKnowsItsSipUserAndLevels() {
        Agent sip = new Agent("1002", "Agent 1002", "sip:1002", Map.of("general", 3, "cards", 6), "blue", true);
        Agent card = new Agent("2001", "Card desk", "card:7", Map.of(), null, false);

        assertThat(sip.sipUser()).contains("1002");
        assertThat(card.sipUser()).isEmpty();
        assertThat(sip.level("cards")).isEqualTo(6);
        assertThat(sip.level("vip")).isZero();
        assertThat(sip.skills().keySet()).containsExactly("cards", "general");
    }

    @Test
    void aQueueTakesItsDefaults() {
        Queue queue = Queue.withDefaults("general", "General", "general", 1);

        assertThat(queue.strategy()).isEqualTo("longest-idle");
        assertThat(queue.serviceLevelSeconds()).isEqualTo(20);
        assertThat(queue.wrapUpSeconds()).isEqualTo(10);
        assertThat(queue.ringTimeoutSeconds()).isEqualTo(15);
        assertThat(queue.notReadyReasonOnNoAnswer()).isEqualTo("no-answer");
        assertThat(queue.music()).isEqualTo("moh");
        assertThat(queue.callbackOffer()).isEqualTo(new CallbackOffer(false, "1"));
        assertThat(queue.announcements().positionEverySeconds()).isZero();
        assertThat(queue.overflow()).isEmpty();
    }

    @Test
    void aQueueRefusesToReferToItselfAndUnorderedSteps() {
        assertThatThrownBy(() -> new Queue("cards", "Cards", "cards", 3, null, 20,
                List.of(OverflowStep.toSkill(60, "general", 5), OverflowStep.toQueue(30, "cards")), 120,
                MaxWaitAction.toQueue("cards"), null, null, null, 10, 15, null))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "queue cards: overflow steps must be in order of afterSeconds",
                        "queue cards: an overflow step cannot refer to the queue itself",
                        "queue cards: onMaxWait cannot send callers to the same queue"));
    }

    @Test
    void aLimitedWaitNeedsAnAction() {
        assertThatThrownBy(() -> new Queue("q", "Q", "general", 1, "best-skill", 20, null, 300, null, null, null, null,
                10, 15, null)).hasMessageContaining("onMaxWait is required");
    }

    @Test
    void nestedPartsCheckTheirOwnFields() {
        assertThatThrownBy(() -> new OverflowStep(30, "general", 2, "cards")).hasMessageContaining("not both");
        assertThatThrownBy(() -> new OverflowStep(0, "general", null, null))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(2));
        assertThatThrownBy(() -> new MaxWaitAction("message", null, null)).hasMessageContaining("prompt 'null'");
        assertThatThrownBy(() -> new MaxWaitAction("hangup", null, null))
                .hasMessageContaining("must be queue, callback or message");
        assertThatThrownBy(() -> MaxWaitAction.message("../etc/passwd")).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> new Announcements(5, null)).hasMessageContaining("from 10 to 3600");
        assertThatThrownBy(() -> new CallbackOffer(true, "12")).hasMessageContaining("0-9, * or #");
        assertThat(MaxWaitAction.callback().queue()).isNull();
    }

    @Test
    void aCustomerClassHasAPriorityFrom0To100() {
        assertThat(new CustomerClass("private-banking", "Private banking", 100).priority()).isEqualTo(100);
        assertThatThrownBy(() -> new CustomerClass("VIP", "", 101))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}
