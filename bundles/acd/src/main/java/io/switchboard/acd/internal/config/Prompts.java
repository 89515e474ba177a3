package io.switchboard.acd.internal.config;

import java.util.regex.Pattern;

/** Prompt names as the IVR's prompt library knows them ({@code queue/position}, {@code moh}). */
final class Prompts {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

    private Prompts() {
    }

    static void check(Problems problems, String field, String prompt) {
        if (prompt == null || !NAME.matcher(prompt).matches() || prompt.contains("..")) {
            problems.add(field + " '" + prompt + "' must be a prompt name: 1 to 128 letters, digits, '.', '_', '-'"
                    + " or '/', without '..'");
        }
    }
}
