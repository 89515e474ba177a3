package io.switchboard.api.host;

/** How a host operation ended. */
public enum HostStatus {
    /** Done; the result's values hold the answer. */
    OK,
    /** The host refused for a business reason (wrong PIN, account locked, unknown account). */
    REFUSED,
    /** The host could not be reached or did not answer in time. */
    UNAVAILABLE
}
