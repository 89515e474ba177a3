package io.switchboard.acd.internal.config;

/**
 * Position and wait announcements while a caller waits: every {@code positionEverySeconds}
 * (0 = off), the {@code prompt} given, or the IVR's standard position prompt when null.
 */
public record Announcements(int positionEverySeconds, String prompt) {

    public static final Announcements OFF = new Announcements(0, null);

    public Announcements {
        Problems problems = new Problems("announcements");
        if (positionEverySeconds != 0) {
            problems.range("positionEverySeconds", positionEverySeconds, 10, 3600);
        }
        if (prompt != null) {
            Prompts.check(problems, "prompt", prompt);
        }
        problems.check();
    }
}
