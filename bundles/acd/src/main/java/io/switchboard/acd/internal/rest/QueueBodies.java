package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.Announcements;
import io.switchboard.acd.internal.config.CallbackOffer;
import io.switchboard.acd.internal.config.MaxWaitAction;
import io.switchboard.acd.internal.config.OverflowStep;
import io.switchboard.acd.internal.config.Queue;
import io.switchboard.acd.internal.config.QueueStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A queue as JSON: the fields of {@link Queue}, nested as {@code overflow:[{"afterSeconds","skill",
 * "level"} | {"afterSeconds","queue"}]}, {@code onMaxWait:{"action","queue"?,"prompt"?}},
 * {@code announcements:{"positionEverySeconds","prompt"?}}, {@code callbackOffer:{"enabled","digit"}}.
 * The record is its own view. A PUT replaces the whole queue: absent fields take their defaults
 * (minimumLevel 1, strategy longest-idle, serviceLevelSeconds 20, no overflow, maxWaitSeconds 0,
 * announcements off, music moh, no callback offer (digit 1), wrapUpSeconds 10,
 * ringTimeoutSeconds 15, notReadyReasonOnNoAnswer no-answer).
 */
final class QueueBodies {

    /** The live numbers as served: agents by state in name order. */
    record StatusView(int waiting, long longestWaitSeconds, Map<String, Integer> agents) {
        static StatusView of(QueueStatus status) {
            return new StatusView(status.waiting(), status.longestWaitSeconds(), new TreeMap<>(status.agents()));
        }
    }

    private static final Set<String> FIELDS = Set.of("id", "name", "skill", "minimumLevel", "strategy",
            "serviceLevelSeconds", "overflow", "maxWaitSeconds", "onMaxWait", "announcements", "music",
            "callbackOffer", "wrapUpSeconds", "ringTimeoutSeconds", "notReadyReasonOnNoAnswer");
    private static final Set<String> STEP_FIELDS = Set.of("afterSeconds", "skill", "level", "queue");
    private static final Set<String> MAX_WAIT_FIELDS = Set.of("action", "queue", "prompt");
    private static final Set<String> ANNOUNCEMENT_FIELDS = Set.of("positionEverySeconds", "prompt");
    private static final Set<String> CALLBACK_FIELDS = Set.of("enabled", "digit");

    private QueueBodies() {
    }

    static Queue input(ObjectNode json, String pathId) throws ApiException {
        Body body = Body.of(json, "queue", FIELDS);
        String id = body.id(pathId);
        String name = body.text("name");
        String skill = body.text("skill");
        Integer minimumLevel = body.integer("minimumLevel", 1);
        String strategy = body.text("strategy");
        Integer serviceLevel = body.integer("serviceLevelSeconds", Queue.DEFAULT_SERVICE_LEVEL_SECONDS);
        List<OverflowStep> overflow = body.objects("overflow", STEP_FIELDS).stream().map(QueueBodies::step)
                .filter(Objects::nonNull).toList();
        Integer maxWait = body.integer("maxWaitSeconds", 0);
        MaxWaitAction onMaxWait = maxWaitAction(body.object("onMaxWait", MAX_WAIT_FIELDS));
        Announcements announcements = announcements(body.object("announcements", ANNOUNCEMENT_FIELDS));
        String music = body.text("music");
        CallbackOffer callback = callbackOffer(body.object("callbackOffer", CALLBACK_FIELDS));
        Integer wrapUp = body.integer("wrapUpSeconds", Queue.DEFAULT_WRAP_UP_SECONDS);
        Integer ringTimeout = body.integer("ringTimeoutSeconds", Queue.DEFAULT_RING_TIMEOUT_SECONDS);
        String noAnswerReason = body.text("notReadyReasonOnNoAnswer");
        Queue queue = Objects.isNull(minimumLevel) || Objects.isNull(serviceLevel) || Objects.isNull(maxWait)
                || Objects.isNull(wrapUp) || Objects.isNull(ringTimeout) ? null
                : body.build(() -> new Queue(id, name, skill, minimumLevel, strategy, serviceLevel, overflow, maxWait,
                        onMaxWait, announcements, music, callback, wrapUp, ringTimeout, noAnswerReason));
        body.check();
        return queue;
    }

    private static OverflowStep step(Body step) {
        Integer after = step.integer("afterSeconds", null);
        if (after == null) {
            step.problem("afterSeconds is required");
            return null;
        }
        String skill = step.text("skill");
        Integer level = step.integer("level", null);
        String queue = step.text("queue");
        return step.build(() -> new OverflowStep(after, skill, level, queue));
    }

    private static MaxWaitAction maxWaitAction(Body action) {
        if (action == null) {
            return null;
        }
        String kind = action.text("action");
        String queue = action.text("queue");
        String prompt = action.text("prompt");
        return action.build(() -> new MaxWaitAction(kind, queue, prompt));
    }

    private static Announcements announcements(Body announcements) {
        if (announcements == null) {
            return null;
        }
        Integer every = announcements.integer("positionEverySeconds", 0);
        String prompt = announcements.text("prompt");
        return every == null ? null : announcements.build(() -> new Announcements(every, prompt));
    }

    private static CallbackOffer callbackOffer(Body offer) {
        if (offer == null) {
            return null;
        }
        boolean enabled = offer.bool("enabled", false);
        String digit = offer.text("digit");
        return offer.build(() -> new CallbackOffer(enabled, digit == null ? CallbackOffer.DEFAULT_DIGIT : digit));
    }
}
