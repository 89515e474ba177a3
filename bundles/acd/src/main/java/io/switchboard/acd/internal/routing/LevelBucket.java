package io.switchboard.acd.internal.routing;

import java.util.TreeSet;

/** The READY agents with exactly one level in one skill, in each order a strategy needs. */
final class LevelBucket {

    final TreeSet<ReadyAgent> byIdle = new TreeSet<>(ReadyAgent.BY_IDLE);
    final TreeSet<ReadyAgent> byCalls = new TreeSet<>(ReadyAgent.BY_CALLS);
    final TreeSet<ReadyAgent> byId = new TreeSet<>(ReadyAgent.BY_ID);

    void add(ReadyAgent agent) {
        byIdle.add(agent);
        byCalls.add(agent);
        byId.add(agent);
    }

    void remove(ReadyAgent agent) {
        byIdle.remove(agent);
        byCalls.remove(agent);
        byId.remove(agent);
    }

    boolean isEmpty() {
        return byIdle.isEmpty();
    }
}
