package io.switchboard.acd.internal;

import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.agent.TransitionRefused;

/** What the agents' and supervisors' REST endpoints may ask of the running ACD (a service inside this bundle). */
public interface AgentDesk {

    /** An agent (or a supervisor forcing it) asks for READY, NOT_READY or LOGGED_OUT; READY also ends wrap-up. */
    AgentStatus request(String agentId, AgentState target, String reason) throws TransitionRefused;

    AgentStatus agentStatus(String agentId);

    /** The agent holds or resumes the caller. */
    void hold(String agentId, boolean onHold) throws TransitionRefused;

    /** The agent ends the call. */
    void hangup(String agentId) throws TransitionRefused;

    /** Blind transfer of the agent's call to {@code queue:<id>}, {@code agent:<id>} or {@code number:<digits>}. */
    void transfer(String agentId, String target) throws TransitionRefused;

    /** Consulted transfer: the caller on hold, the agent connected to {@code agent:<id>} or {@code number:<digits>}. */
    void consult(String agentId, String target) throws TransitionRefused;

    /** Completes the consulted transfer: the caller goes to the consulted party, the agent to wrap-up. */
    void completeConsultation(String agentId) throws TransitionRefused;

    /** Ends the consultation and returns to the caller. */
    void cancelConsultation(String agentId) throws TransitionRefused;

    /** The agents' live event streams. */
    AgentEvents events();
}
