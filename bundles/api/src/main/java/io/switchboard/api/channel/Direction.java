package io.switchboard.api.channel;

/** Which way media flows on an endpoint, as SDP names it. */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE
}
