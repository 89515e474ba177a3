package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.routing.AgentProfile;
import java.util.List;
import java.util.Optional;

/** The ACD's configuration as the desk reads it (queues, agents, customer classes). */
public interface AcdDirectory {

    Optional<QueuePlan> queue(String queueId);

    List<QueuePlan> queues();

    Optional<AgentProfile> agent(String agentId);

    /** The agent's phone: {@code sip:1001}, {@code card:31}. */
    Optional<String> device(String agentId);

    /** The priority of a customer class (unknown classes count as the lowest). */
    int priority(String customerClass);

    /** Whether the agent may call numbers outside (transfer or consult through the trunk). */
    boolean outboundAllowed(String agentId);

    /** The class a caller's number puts them in when nothing else says (e.g. known private-banking numbers). */
    Optional<String> classForCaller(String callerNumber);
}
