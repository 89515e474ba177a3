package io.switchboard.core.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Decides which controller takes an inbound call; provided by core. */
@ProviderType
public interface InboundRouter {

    /** The route for a dialled number now (business hours and holidays applied), if any matches. */
    Optional<RouteDecision> route(String dialled, String caller);
}
