package io.switchboard.sip.internal;

import java.time.Duration;
import java.util.List;

/**
 * The driver's settings, immutable, from {@link SipComponent.Config}. The stack settings (message
 * size, threads, transactions) are fixed when the stack starts; the others apply at once.
 */
public record SipOptions(List<String> trustedPeers, String realm, String trunkGateway, int maxMessageSize,
                         int threadPoolSize, int maxServerTransactions, int minExpires, int maxExpires,
                         int lockoutFailures, Duration lockoutWindow, Duration lockoutDuration,
                         Duration ringTimeout, int overloadThreshold, Duration nonceLifetime) {

    public SipOptions {
        trustedPeers = List.copyOf(trustedPeers);
    }

    public static SipOptions defaults() {
        return new SipOptions(List.of("127.0.0.1"), "switchboard", "127.0.0.1:5070", 64 * 1024, 2, 10_000,
                60, 3600, 5, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(180), 200,
                Duration.ofMinutes(5));
    }

    public static SipOptions from(SipComponent.Config c) {
        return new SipOptions(List.of(c.trustedPeers()), c.realm(), c.trunkGateway(), c.maxMessageSize(),
                c.threadPoolSize(), c.maxServerTransactions(), c.minExpires(), c.maxExpires(),
                c.lockoutFailures(), Duration.ofSeconds(c.lockoutWindowSeconds()),
                Duration.ofSeconds(c.lockoutSeconds()), Duration.ofSeconds(c.ringTimeoutSeconds()),
                c.overloadThreshold(), Duration.ofSeconds(c.nonceLifetimeSeconds()));
    }

    public SipOptions withTrunkGateway(String gateway) {
        return new SipOptions(trustedPeers, realm, gateway, maxMessageSize, threadPoolSize, maxServerTransactions,
                minExpires, maxExpires, lockoutFailures, lockoutWindow, lockoutDuration, ringTimeout,
                overloadThreshold, nonceLifetime);
    }

    /** Whether a change needs a new stack (and so drops live dialogs). */
    public boolean sameStack(SipOptions other) {
        return maxMessageSize == other.maxMessageSize && threadPoolSize == other.threadPoolSize
                && maxServerTransactions == other.maxServerTransactions;
    }
}
