package io.switchboard.api.routing;

import java.time.Duration;

/**
 * An agent who could take the call.
 *
 * @param agentId    the agent
 * @param skillLevel the agent's level in the requested skill, 1–10
 * @param idleFor    time since the agent's last call ended
 * @param callsToday calls the agent handled today
 */
public record AgentCandidate(String agentId, int skillLevel, Duration idleFor, int callsToday) {
}
