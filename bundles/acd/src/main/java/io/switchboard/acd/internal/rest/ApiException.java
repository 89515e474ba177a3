package io.switchboard.acd.internal.rest;

import io.switchboard.acd.internal.config.ConfigException;
import java.util.List;

/** A request that ends in an error response: its status, the API's error code and every problem. */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> problems;

    ApiException(int status, String code, String message) {
        this(status, code, List.of(message));
    }

    ApiException(int status, String code, List<String> problems) {
        super(String.join("; ", problems));
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException invalid(List<String> problems) {
        return new ApiException(400, "invalid", problems);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message);
    }

    /** The store's refusal; its messages are written for an admin already. */
    static ApiException of(ConfigException e) {
        return switch (e.reason()) {
            case INVALID -> invalid(e.problems());
            case NOT_FOUND -> new ApiException(404, "not_found", e.problems());
            case CONFLICT -> new ApiException(409, "conflict", e.problems());
            case UNAVAILABLE -> new ApiException(503, "unavailable", e.problems());
        };
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> problems() {
        return problems;
    }
}
