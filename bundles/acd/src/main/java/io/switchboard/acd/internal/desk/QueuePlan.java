package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.routing.QueueRules;
import java.time.Duration;

/**
 * What the desk needs of one queue: the routing rules and how its calls are treated.
 *
 * @param music          what waiting callers hear ({@code moh} or a prompt name), looped
 * @param ringTimeout    how long an agent's phone rings before the call goes back to its place
 * @param wrapUp         wrap-up time after a call before the agent is READY again
 * @param noAnswerReason the NOT_READY reason given to an agent whose phone rang out
 * @param overflowQueue  where calls go at the maximum wait (null: they are ended with a message)
 * @param maxWaitPrompt  played before a call is ended at the maximum wait (null: none)
 */
public record QueuePlan(QueueRules rules, String music, Duration ringTimeout, Duration wrapUp, String noAnswerReason,
                        String overflowQueue, String maxWaitPrompt) {

    public String id() {
        return rules.queueId();
    }
}
