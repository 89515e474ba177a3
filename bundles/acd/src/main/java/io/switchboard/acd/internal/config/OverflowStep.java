package io.switchboard.acd.internal.config;

/**
 * After a call has waited {@code afterSeconds}, also offer it to other agents: those with
 * {@code skill} at {@code level} or more, or — with {@code queue} — those who qualify for that
 * queue's own skill and minimum level (not its overflow: steps do not chain). Exactly one of the
 * two forms is set; the fields of the other are null.
 */
public record OverflowStep(int afterSeconds, String skill, Integer level, String queue) {

    public static final int MAX_AFTER_SECONDS = 86_400;

    public OverflowStep {
        Problems problems = new Problems("overflow step");
        problems.range("afterSeconds", afterSeconds, 1, MAX_AFTER_SECONDS);
        if (queue != null) {
            problems.require(skill == null && level == null,
                    "give either a queue, or a skill and level, not both");
            problems.name("queue", queue);
        } else {
            problems.skill("skill", skill);
            if (level == null) {
                problems.add("needs a level from 1 to 10 (or a queue instead of a skill)");
            } else {
                problems.range("level", level, 1, 10);
            }
        }
        problems.check();
    }

    public static OverflowStep toSkill(int afterSeconds, String skill, int level) {
        return new OverflowStep(afterSeconds, skill, level, null);
    }

    public static OverflowStep toQueue(int afterSeconds, String queue) {
        return new OverflowStep(afterSeconds, null, null, queue);
    }
}
