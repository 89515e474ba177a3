package io.switchboard.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedPeersTest {

    private static boolean trusts(TrustedPeers peers, String address) throws Exception {
        return peers.contains(InetAddress.getByName(address));
    }

    @Test
    void matchesSingleAddressesAndCidrBlocks() throws Exception {
        TrustedPeers peers = TrustedPeers.parse(new String[] {"127.0.0.1", "10.20.0.0/16", "192.168.1.128/25", "::1"});

        assertThat(trusts(peers, "127.0.0.1")).isTrue();
        assertThat(trusts(peers, "127.0.0.2")).isFalse();
        assertThat(trusts(peers, "10.20.255.1")).isTrue();
        assertThat(trusts(peers, "10.21.0.1")).isFalse();
        assertThat(trusts(peers, "192.168.1.200")).isTrue();
        assertThat(trusts(peers, "192.168.1.100")).isFalse();
        assertThat(trusts(peers, "::1")).isTrue();
    }

    @Test
    void refusesNamesAndBadPrefixes() {
        assertThatThrownBy(() -> TrustedPeers.parse(new String[] {"trunk.example.com"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedPeers.parse(new String[] {"10.0.0.0/33"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
