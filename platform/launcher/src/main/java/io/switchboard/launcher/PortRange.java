package io.switchboard.launcher;

/**
 * The RTP port range, {@code LOW-HIGH} inclusive. Each call takes a pair (RTP on the even port,
 * RTCP on the odd one above it), so the range starts on an even port and holds whole pairs.
 */
public record PortRange(int low, int high) {

    public PortRange {
        if (low < 1 || high > 65535) {
            throw new IllegalArgumentException("ports must be within 1-65535");
        }
        if (low > high) {
            throw new IllegalArgumentException("LOW " + low + " is above HIGH " + high);
        }
        if (low % 2 != 0 || (high - low + 1) % 2 != 0) {
            throw new IllegalArgumentException(
                    "RTP ports come in even/odd pairs: LOW must be even and the range an even number of ports");
        }
    }

    /** Parses {@code LOW-HIGH}; the message of the exception is fit for the operator. */
    public static PortRange parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected LOW-HIGH, got '" + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected LOW-HIGH with two port numbers, got '" + text + "'", e);
        }
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
