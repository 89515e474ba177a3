package io.switchboard.core.internal.media;

import java.time.Duration;

/**
 * The media engine's settings.
 *
 * @param rtpPortLow         first RTP port of the range (even; its RTCP port is the next one)
 * @param rtpPortHigh        last port of the range (inclusive; an RTP port is used only if its RTCP port fits)
 * @param inactivityTimeout  how long a port expecting media may receive nothing before it reports inactivity
 * @param jitterDepth        frames (20 ms each) buffered before received audio is played out where it is decoded
 * @param pacerThreads       threads that pace every port's 20 ms frames
 */
public record MediaOptions(int rtpPortLow, int rtpPortHigh, Duration inactivityTimeout, int jitterDepth, int pacerThreads) {

    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_JITTER_DEPTH = 2;
    public static final int DEFAULT_PACER_THREADS = 1;

    public MediaOptions {
        if (rtpPortLow < 1 || rtpPortHigh > 65535 || rtpPortLow % 2 != 0 || rtpPortHigh < rtpPortLow + 1) {
            throw new IllegalArgumentException("RTP port range must be an even low port and a higher high port within 1..65535 (RTP + RTCP), not "
                    + rtpPortLow + "-" + rtpPortHigh);
        }
        if (inactivityTimeout == null || inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("inactivity timeout must be positive, not " + inactivityTimeout);
        }
        if (jitterDepth < 1 || jitterDepth > 8) {
            throw new IllegalArgumentException("jitter depth must be 1..8 frames, not " + jitterDepth);
        }
        if (pacerThreads < 1 || pacerThreads > 16) {
            throw new IllegalArgumentException("pacer threads must be 1..16, not " + pacerThreads);
        }
    }

    /** The given port range with every other setting at its default. */
    public static MediaOptions ports(int rtpPortLow, int rtpPortHigh) {
        return new MediaOptions(rtpPortLow, rtpPortHigh, DEFAULT_INACTIVITY_TIMEOUT, DEFAULT_JITTER_DEPTH, DEFAULT_PACER_THREADS);
    }

    /** Ports 10000-20000 (5,000 RTP ports), 30 s inactivity, 40 ms jitter buffer, one pacer thread. */
    public static MediaOptions defaults() {
        return ports(10000, 20000);
    }

    public MediaOptions withInactivityTimeout(Duration timeout) {
        return new MediaOptions(rtpPortLow, rtpPortHigh, timeout, jitterDepth, pacerThreads);
    }

    /** How many RTP ports (each with its RTCP port) the range holds. */
    public int rtpPortCount() {
        return (rtpPortHigh - rtpPortLow + 1) / 2;
    }
}
