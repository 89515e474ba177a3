package io.switchboard.acd.internal.agent;

/** Where an agent is, as CONTRACT.md names it. */
public enum AgentState {
    LOGGED_OUT,
    READY,
    NOT_READY,
    /** A call is offered: the agent's phone rings. */
    RESERVED,
    TALKING,
    HOLD,
    WRAP_UP;

    /** Whether the agent is bound to a call (offered, talking, holding). */
    public boolean onCall() {
        return this == RESERVED || this == TALKING || this == HOLD;
    }

    public boolean loggedIn() {
        return this != LOGGED_OUT;
    }
}
