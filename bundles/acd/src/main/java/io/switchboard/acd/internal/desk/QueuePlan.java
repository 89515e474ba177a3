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
 * @param overflowQueue  where calls go at the maximum wait (fallback {@code queue}), else null
 * @param maxWaitPrompt  the message of fallback {@code message}, else null
 * @param fallback       what happens at the maximum wait, with nobody logged in to take the call,
 *                       or out of hours: {@code queue}, {@code callback}, {@code message}; null: none
 * @param announceEvery  how often waiting callers hear their position and expected wait; null: never
 * @param announcePrompt played first in each announcement (e.g. "thank you for waiting"); null: none
 * @param callbackDigit  the key a waiting caller presses to be called back; null: not offered
 */
public record QueuePlan(QueueRules rules, String music, Duration ringTimeout, Duration wrapUp, String noAnswerReason,
                        String overflowQueue, String maxWaitPrompt, String fallback, Duration announceEvery,
                        String announcePrompt, String callbackDigit) {

    public String id() {
        return rules.queueId();
    }
}
