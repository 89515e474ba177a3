package io.switchboard.launcher;

import java.nio.file.Path;

/**
 * What {@code switchboard run} was asked to do, validated for shape (not yet against the machine:
 * that is {@link Preflight}'s job).
 *
 * @param home         the install directory ({@code bin/ lib/ bundles/ conf/ deploy/})
 * @param data         the absolute, normalised data directory
 * @param bind         the address to listen on, as given ({@code 0.0.0.0} for every address)
 * @param drainSeconds how long a SIGTERM lets live calls finish
 */
public record RunOptions(
        Path home,
        Path data,
        String bind,
        int sipPort,
        int httpsPort,
        PortRange rtpPorts,
        boolean demo,
        int drainSeconds) {

    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_SIP_PORT = 5060;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final String DEFAULT_RTP_PORTS = "20000-29999";
    public static final int DEFAULT_DRAIN_SECONDS = 60;
}
