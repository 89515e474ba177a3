package io.switchboard.api.ivr;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of node a flow may use, contributed by a bundle. Registered with the {@value #TYPE}
 * property; a flow naming a type no service provides is rejected when it is validated.
 */
@ConsumerType
public interface IvrNodeType {

    /** Service property: the node type as flows spell it ({@code vendor.loyalty-offer}). */
    String TYPE = "switchboard.ivr.node.type";

    /** Checks a node's parameters when a flow is validated; returns the problems found, if any. */
    java.util.List<String> validate(java.util.Map<String, Object> params);
}
