package io.switchboard.corerest.internal;

import io.switchboard.core.api.RouteConfigException;

/** Core's refusals of a route change as API errors; core's message is written for an admin already. */
final class RouteErrors {

    private RouteErrors() {
    }

    static ApiException of(RouteConfigException e) {
        return switch (e.reason()) {
            case INVALID -> new ApiException(400, "invalid", e.getMessage());
            case NOT_FOUND -> new ApiException(404, "not_found", e.getMessage());
            case CONFLICT -> new ApiException(409, "conflict", e.getMessage());
            case UNAVAILABLE -> new ApiException(503, "unavailable", e.getMessage());
        };
    }
}
