package io.switchboard.acd.internal.routing;

/** The one place that knows skill levels run from 1 to 10. */
final class SkillLevels {

    static final int MIN = 1;
    static final int MAX = 10;

    private SkillLevels() {
    }

    static void check(String skill, int level) {
        if (level < MIN || level > MAX) {
            throw new IllegalArgumentException(
                    "Level of skill " + skill + " must be " + MIN + "-" + MAX + ", was " + level);
        }
    }
}
