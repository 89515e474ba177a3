package io.switchboard.api.routing;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses which of the eligible agents takes a call. The ACD has already filtered the candidates
 * by skill and state; a strategy only orders them. Registered with the {@value #NAME} property,
 * which queues name as their strategy.
 */
@ConsumerType
public interface RoutingStrategy {

    /** Service property: the strategy name queues refer to. */
    String NAME = "switchboard.routing.strategy";

    /** Picks one candidate's agent id, or empty to leave the call waiting. */
    Optional<String> choose(RoutingRequest request, List<AgentCandidate> candidates);
}
