package io.switchboard.acd.internal;

import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.agent.TransitionRefused;

/** What the agents' and supervisors' REST endpoints may ask of the running ACD (a service inside this bundle). */
public interface AgentDesk {

    /** An agent (or a supervisor forcing it) asks for READY, NOT_READY or LOGGED_OUT; READY also ends wrap-up. */
    AgentStatus request(String agentId, AgentState target, String reason) throws TransitionRefused;

    AgentStatus agentStatus(String agentId);

    /** The agents' live event streams. */
    AgentEvents events();
}
