package io.switchboard.acd.internal.config;

import java.util.regex.Pattern;

/** Whether waiting callers are offered a call-back, and the key that takes it. */
public record CallbackOffer(boolean enabled, String digit) {

    public static final String DEFAULT_DIGIT = "1";
    // before OFF: the constructor that builds OFF uses it
    private static final Pattern DIGIT = Pattern.compile("[0-9*#]");
    public static final CallbackOffer OFF = new CallbackOffer(false, DEFAULT_DIGIT);

    public CallbackOffer {
        Problems problems = new Problems("callbackOffer");
        if (digit == null || !DIGIT.matcher(digit).matches()) {
            problems.add("digit '" + digit + "' must be one of 0-9, * or #");
        }
        problems.check();
    }
}
