/**
 * The ACD's routing engine: waiting order with ageing, skill-level eligibility with overflow, agent
 * strategies (built-in and vendor {@link io.switchboard.api.routing.RoutingStrategy}), max wait.
 * Pure Java with no OSGi and no clock; {@link io.switchboard.acd.internal.routing.RoutingEngine} is
 * the entry point. Not exported.
 */
package io.switchboard.acd.internal.routing;
