package io.switchboard.acd.internal.desk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a waiting caller hears at each announcement: the queue's own prompt if it has one, their
 * position, the expected wait rounded up to whole minutes (or "less than a minute"), and the
 * call-back offer with its key. Prompt names are those shipped in {@code prompts/acd/}.
 */
final class WaitAnnouncement {

    private WaitAnnouncement() {
    }

    static List<String> items(QueuePlan plan, int position, Optional<Duration> expectedWait) {
        List<String> items = new ArrayList<>();
        if (plan.announcePrompt() != null) {
            items.add(plan.announcePrompt());
        }
        items.add("acd/position-before");
        items.add("say-number:" + position);
        items.add("acd/position-after");
        expectedWait.ifPresent(wait -> {
            if (wait.compareTo(Duration.ofMinutes(1)) <= 0) {
                items.add("acd/wait-under-minute");
            } else {
                items.add("acd/wait-before");
                items.add("say-number:" + minutesRoundedUp(wait));
                items.add("acd/wait-minutes");
            }
        });
        if (plan.callbackDigit() != null) {
            items.add("acd/callback-offer-before");
            items.add(digitPrompt(plan.callbackDigit()));
        }
        return items;
    }

    /** The prompt that says one key: {@code digits/5}, {@code digits/star}, {@code digits/hash}. */
    static String digitPrompt(String digit) {
        return switch (digit) {
            case "*" -> "digits/star";
            case "#" -> "digits/hash";
            default -> "digits/" + digit;
        };
    }

    private static long minutesRoundedUp(Duration wait) {
        return (wait.toSeconds() + 59) / 60;
    }
}
