package io.switchboard.acd.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A queue: which agents may take its calls ({@code skill} at {@code minimumLevel} or more, the
 * business's difficulty), how one is chosen, and what waiting callers hear and may do.
 *
 * <p>Null in the constructor means the default for strategy, overflow, announcements, music,
 * callbackOffer and notReadyReasonOnNoAnswer. Whether the queues named by overflow steps and
 * onMaxWait exist is checked by {@link AcdConfigStore}, which sees the other queues.
 *
 * @param strategy                 a {@code RoutingStrategy} name: {@code longest-idle},
 *                                 {@code best-skill}, {@code fewest-calls}, {@code round-robin}
 *                                 or a vendor's
 * @param serviceLevelSeconds      the answer-time target reports measure against
 * @param overflow                 in order of {@code afterSeconds}
 * @param maxWaitSeconds           0 = callers wait as long as they like
 * @param onMaxWait                required when maxWaitSeconds is set
 * @param music                    a prompt name, or {@code moh} for the music on hold
 * @param wrapUpSeconds            after-call work before the agent is offered the next call
 * @param ringTimeoutSeconds       how long an agent's phone rings before the call goes back
 * @param notReadyReasonOnNoAnswer the NOT_READY reason of an agent who let it ring out
 */
public record Queue(String id, String name, String skill, int minimumLevel, String strategy,
        int serviceLevelSeconds, List<OverflowStep> overflow, int maxWaitSeconds, MaxWaitAction onMaxWait,
        Announcements announcements, String music, CallbackOffer callbackOffer, int wrapUpSeconds,
        int ringTimeoutSeconds, String notReadyReasonOnNoAnswer) {

    public static final String DEFAULT_STRATEGY = "longest-idle";
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
    public static final String DEFAULT_MUSIC = "moh";
    public static final int DEFAULT_WRAP_UP_SECONDS = 10;
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 15;
    public static final String DEFAULT_NO_ANSWER_REASON = "no-answer";
    static final int MAX_OVERFLOW_STEPS = 10;
    private static final Pattern STRATEGY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public Queue {
        strategy = strategy == null ? DEFAULT_STRATEGY : strategy;
        // not List.copyOf: a null step must become a problem below, not a NullPointerException
        overflow = overflow == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(overflow));
        announcements = announcements == null ? Announcements.OFF : announcements;
        music = music == null ? DEFAULT_MUSIC : music;
        callbackOffer = callbackOffer == null ? CallbackOffer.OFF : callbackOffer;
        notReadyReasonOnNoAnswer = notReadyReasonOnNoAnswer == null ? DEFAULT_NO_ANSWER_REASON
                : notReadyReasonOnNoAnswer;
        Problems problems = new Problems("queue " + id);
        problems.name("id", id);
        problems.text("name", name);
        problems.skill("skill", skill);
        problems.range("minimumLevel", minimumLevel, 1, 10);
        problems.require(STRATEGY.matcher(strategy).matches(), "strategy '" + strategy
                + "' must be a routing strategy name: 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        problems.range("serviceLevelSeconds", serviceLevelSeconds, 1, 3600);
        checkOverflow(problems, id, overflow);
        problems.range("maxWaitSeconds", maxWaitSeconds, 0, OverflowStep.MAX_AFTER_SECONDS);
        problems.require(maxWaitSeconds == 0 || onMaxWait != null,
                "onMaxWait is required when maxWaitSeconds is set (queue, callback or message)");
        problems.require(onMaxWait == null || id == null || !id.equals(onMaxWait.queue()),
                "onMaxWait cannot send callers to the same queue");
        Prompts.check(problems, "music", music);
        problems.range("wrapUpSeconds", wrapUpSeconds, 0, 3600);
        problems.range("ringTimeoutSeconds", ringTimeoutSeconds, 5, 300);
        problems.require(REASON.matcher(notReadyReasonOnNoAnswer).matches(), "notReadyReasonOnNoAnswer '"
                + notReadyReasonOnNoAnswer + "' must be 1 to 32 letters, digits, '-' or '_'");
        problems.check();
    }

    private static void checkOverflow(Problems problems, String id, List<OverflowStep> steps) {
        problems.require(steps.size() <= MAX_OVERFLOW_STEPS, "at most " + MAX_OVERFLOW_STEPS + " overflow steps");
        int previous = 0;
        for (OverflowStep step : steps) {
            problems.require(step != null, "an overflow step is null");
            if (step == null) {
                continue;
            }
            problems.require(step.afterSeconds() >= previous, "overflow steps must be in order of afterSeconds");
            previous = step.afterSeconds();
            problems.require(id == null || !id.equals(step.queue()), "an overflow step cannot refer to the queue itself");
        }
    }

    /** A queue with every default: longest-idle, 20 s service level, no overflow or limits. */
    public static Queue withDefaults(String id, String name, String skill, int minimumLevel) {
        return new Queue(id, name, skill, minimumLevel, null, DEFAULT_SERVICE_LEVEL_SECONDS, null, 0, null, null,
                null, null, DEFAULT_WRAP_UP_SECONDS, DEFAULT_RING_TIMEOUT_SECONDS, null);
    }

    /** The queues this one sends callers or offers calls to (overflow steps, onMaxWait). */
    public List<String> referencedQueues() {
        List<String> queues = new ArrayList<>();
        overflow.stream().map(OverflowStep::queue).filter(Objects::nonNull).forEach(queues::add);
        if (onMaxWait != null && onMaxWait.queue() != null) {
            queues.add(onMaxWait.queue());
        }
        return List.copyOf(queues);
    }
}
