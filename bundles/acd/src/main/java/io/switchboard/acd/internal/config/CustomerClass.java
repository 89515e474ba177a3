package io.switchboard.acd.internal.config;

/**
 * A class of customer ({@code standard}, {@code priority}, {@code private-banking}, …): a call of
 * a higher {@code priority} (0–100) waits ahead of one of a lower, whatever the queue.
 */
public record CustomerClass(String id, String name, int priority) {

    public CustomerClass {
        Problems problems = new Problems("customer class " + id);
        problems.name("id", id);
        problems.text("name", name);
        problems.range("priority", priority, 0, 100);
        problems.check();
    }
}
