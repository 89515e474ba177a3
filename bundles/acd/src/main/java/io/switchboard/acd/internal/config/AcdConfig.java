package io.switchboard.acd.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One consistent view of the ACD's configuration, as one transaction left it; immutable. The
 * routing engine builds its rules from one of these at a time.
 *
 * @param revision grows with every change this process saw committed; a larger one is newer
 */
public record AcdConfig(long revision, List<Agent> agents, List<Queue> queues, List<CustomerClass> classes) {

    public static final AcdConfig EMPTY = new AcdConfig(0, List.of(), List.of(), List.of());

    public AcdConfig {
        agents = List.copyOf(agents);
        queues = List.copyOf(queues);
        classes = List.copyOf(classes);
    }

    public Optional<Agent> agent(String id) {
        return find(agents, Agent::id, id);
    }

    public Optional<Queue> queue(String id) {
        return find(queues, Queue::id, id);
    }

    public Optional<CustomerClass> customerClass(String id) {
        return find(classes, CustomerClass::id, id);
    }

    /** Queues by id, in id order. */
    public Map<String, Queue> queuesById() {
        Map<String, Queue> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(item -> id.apply(item).equals(wanted)).findFirst();
    }
}
