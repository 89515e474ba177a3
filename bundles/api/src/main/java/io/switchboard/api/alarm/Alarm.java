package io.switchboard.api.alarm;

/**
 * One standing problem.
 *
 * @param id       stable id within its source, so raise and clear match ({@code span-1-los})
 * @param severity how bad it is
 * @param text     a sentence for the NOC
 */
public record Alarm(String id, Severity severity, String text) {
}
