package io.switchboard.acd.internal.routing;

/**
 * A routing decision: the engine has removed both the call and the agent; the controller reserves
 * the agent and offers the call, and puts either back when the offer fails.
 */
public record Assignment(String callId, String agentId, String queueId) {
}
