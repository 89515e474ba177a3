package io.switchboard.acd.internal.routing;

/**
 * One skill's READY agents by level, so "level ≥ n" is at most ten buckets. Kept for the engine's
 * life once created, so queues may hold a direct reference.
 */
final class SkillBuckets {

    private final LevelBucket[] byLevel = new LevelBucket[SkillLevels.MAX + 1];

    SkillBuckets() {
        for (int level = SkillLevels.MIN; level <= SkillLevels.MAX; level++) {
            byLevel[level] = new LevelBucket();
        }
    }

    LevelBucket at(int level) {
        return byLevel[level];
    }
}
