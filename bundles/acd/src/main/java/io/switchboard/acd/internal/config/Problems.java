package io.switchboard.acd.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a record under construction, so one answer lists every problem.
 * Not thread-safe: one per validation.
 */
public final class Problems {

    /** Ids of queues and customer classes, skill names: what a URL and a log line carry plainly. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final Pattern SKILL = Pattern.compile("[a-z0-9-]{1,32}");
    static final int MAX_TEXT = 100;

    private final String subject;
    private final List<String> found = new ArrayList<>();

    /** @param subject what is checked, as the messages start: "queue cards", "agent 1001" */
    public Problems(String subject) {
        this.subject = subject;
    }

    public void add(String problem) {
        found.add(subject + ": " + problem);
    }

    void require(boolean valid, String problem) {
        if (!valid) {
            add(problem);
        }
    }

    void name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            add(field + " '" + value + "' must be 1 to 32 lower-case letters, digits, '-' or '_',"
                    + " starting with a letter or digit");
        }
    }

    void skill(String field, String value) {
        if (value == null || !SKILL.matcher(value).matches()) {
            add(field + " '" + value + "' must be 1 to 32 lower-case letters, digits or '-'");
        }
    }

    void text(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field + " is required");
        } else if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            add(field + " must be at most " + MAX_TEXT + " characters, without control characters");
        }
    }

    void optionalText(String field, String value) {
        if (value != null) {
            text(field, value);
        }
    }

    void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            add(field + " must be from " + min + " to " + max + ", not " + value);
        }
    }

    void levels(String field, Map<String, Integer> levels) {
        if (levels == null) {
            add(field + " are required (an empty object for none)");
            return;
        }
        levels.forEach((skill, level) -> {
            skill(field + " name", skill);
            if (level == null) {
                add(field + ": '" + skill + "' needs a level from 1 to 10");
            } else {
                range(field + ": '" + skill + "' level", level, 1, 10);
            }
        });
    }

    /** Throws if anything was found. */
    public void check() {
        if (!found.isEmpty()) {
            throw new InvalidConfigException(found);
        }
    }
}
