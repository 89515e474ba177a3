package io.switchboard.acd.internal.routing;

/**
 * One skill's READY agents by level, so "level ≥ n" is at most ten buckets. The first agent of each
 * bucket in idle and in calls order is kept in a plain array: the common decisions then read one
 * array instead of walking ten trees. Kept for the engine's life once created, so queues may hold
 * a direct reference.
 */
final class SkillBuckets {

    private final LevelBucket[] byLevel = new LevelBucket[SkillLevels.MAX + 1];
    /** Per level, the longest idle agent; null when the level has none. */
    final ReadyAgent[] longestIdle = new ReadyAgent[SkillLevels.MAX + 1];
    /** Per level, the agent with the fewest calls today (then longest idle); null when none. */
    final ReadyAgent[] fewestCalls = new ReadyAgent[SkillLevels.MAX + 1];

    SkillBuckets() {
        for (int level = SkillLevels.MIN; level <= SkillLevels.MAX; level++) {
            byLevel[level] = new LevelBucket();
        }
    }

    LevelBucket at(int level) {
        return byLevel[level];
    }

    void add(ReadyAgent agent, int level) {
        byLevel[level].add(agent);
        refreshFirsts(level);
    }

    void remove(ReadyAgent agent, int level) {
        byLevel[level].remove(agent);
        refreshFirsts(level);
    }

    private void refreshFirsts(int level) {
        LevelBucket bucket = byLevel[level];
        longestIdle[level] = bucket.isEmpty() ? null : bucket.byIdle.first();
        fewestCalls[level] = bucket.isEmpty() ? null : bucket.byCalls.first();
    }
}
