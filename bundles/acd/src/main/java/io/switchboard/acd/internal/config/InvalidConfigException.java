package io.switchboard.acd.internal.config;

import java.util.List;

/**
 * A piece of configuration that is not valid, with every problem found (not just the first), each
 * a sentence an admin can act on.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
