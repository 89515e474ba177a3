package io.switchboard.acd.internal.config;

import java.util.List;

/** A change to the ACD's configuration that was refused, and why; the message is for an admin. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why: each maps to one HTTP status (400, 404, 409, 503). */
    public enum Reason {
        INVALID, NOT_FOUND, CONFLICT, UNAVAILABLE
    }

    private final Reason reason;
    private final List<String> problems;

    public ConfigException(Reason reason, String message) {
        this(reason, List.of(message), null);
    }

    public ConfigException(Reason reason, List<String> problems, Throwable cause) {
        super(String.join("; ", problems), cause);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public static ConfigException invalid(InvalidConfigException e) {
        return new ConfigException(Reason.INVALID, e.problems(), null);
    }

    public Reason reason() {
        return reason;
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
