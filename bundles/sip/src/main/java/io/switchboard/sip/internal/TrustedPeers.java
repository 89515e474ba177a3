package io.switchboard.sip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trunk peers whose INVITEs are trusted without a digest: single addresses or CIDR blocks,
 * IPv4 or IPv6. Immutable.
 */
public final class TrustedPeers {

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedPeers(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses entries such as {@code 127.0.0.1}, {@code 10.1.0.0/16}, {@code ::1}; only literals, so
     * no name is looked up.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static TrustedPeers parse(String[] entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("not an IP address or CIDR: " + entry);
            }
            byte[] network;
            try {
                network = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR: " + entry, e);
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length: " + entry, e);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length: " + entry);
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedPeers(blocks);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(b -> b.contains(bytes));
    }
}
