package io.switchboard.console.internal;

/** The result of one {@link HealthContributor}: a short stable name, a status, a sentence for humans. */
public record HealthCheck(String name, HealthStatus status, String detail) {
}
