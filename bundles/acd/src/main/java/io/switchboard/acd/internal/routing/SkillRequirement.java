package io.switchboard.acd.internal.routing;

import java.util.Objects;

/**
 * An agent qualifies when their level in {@code skill} is at least {@code minimumLevel}.
 *
 * @param skill        the skill name, not blank
 * @param minimumLevel the business's difficulty, 1–10
 */
public record SkillRequirement(String skill, int minimumLevel) {

    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        if (skill.isBlank()) {
            throw new IllegalArgumentException("Skill name must not be blank");
        }
        SkillLevels.check(skill, minimumLevel);
    }

    /** Whether an agent with these skills meets this requirement. */
    boolean isMetBy(java.util.Map<String, Integer> skills) {
        Integer level = skills.get(skill);
        return level != null && level >= minimumLevel;
    }
}
