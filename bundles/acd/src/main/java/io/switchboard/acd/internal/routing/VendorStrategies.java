package io.switchboard.acd.internal.routing;

import io.switchboard.api.routing.RoutingStrategy;
import java.util.Optional;

/** Looks up a vendor RoutingStrategy by the name a queue gives (empty if none registered). */
@FunctionalInterface
public interface VendorStrategies {

    /** No vendor strategies at all. */
    VendorStrategies NONE = name -> Optional.empty();

    Optional<RoutingStrategy> find(String name);
}
