package io.switchboard.acd.internal.config;

import java.util.Set;

/**
 * What happens to a caller who has waited a queue's {@code maxWaitSeconds}: move to another
 * {@code queue} (keeping their place in time), be offered a {@code callback}, or hear a
 * {@code message} prompt and be hung up on. Only the field its action needs is set.
 */
public record MaxWaitAction(String action, String queue, String prompt) {

    public static final String QUEUE = "queue";
    public static final String CALLBACK = "callback";
    public static final String MESSAGE = "message";
    static final Set<String> ACTIONS = Set.of(QUEUE, CALLBACK, MESSAGE);

    public MaxWaitAction {
        Problems problems = new Problems("onMaxWait");
        if (!ACTIONS.contains(action)) {
            problems.add("action '" + action + "' must be queue, callback or message");
        }
        if (QUEUE.equals(action)) {
            problems.name("queue", queue);
        } else {
            problems.require(queue == null, "only the queue action takes a queue");
        }
        if (MESSAGE.equals(action)) {
            Prompts.check(problems, "prompt", prompt);
        } else {
            problems.require(prompt == null, "only the message action takes a prompt");
        }
        problems.check();
    }

    public static MaxWaitAction toQueue(String queue) {
        return new MaxWaitAction(QUEUE, queue, null);
    }

    public static MaxWaitAction callback() {
        return new MaxWaitAction(CALLBACK, null, null);
    }

    public static MaxWaitAction message(String prompt) {
        return new MaxWaitAction(MESSAGE, null, prompt);
    }
}
