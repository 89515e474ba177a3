package io.switchboard.core.internal.media;

import java.util.BitSet;

/**
 * Hands out even RTP ports from the range (the odd port above each is its RTCP port), round
 * robin so that a port just freed is not reused at once (late packets of the old call).
 *
 * <p>Thread-safety: synchronized.
 */
final class PortAllocator {

    private final int low;
    private final int count;
    private final BitSet inUse;
    private int next;

    PortAllocator(int low, int high) {
        this.low = low;
        this.count = (high - low + 1) / 2;
        this.inUse = new BitSet(count);
    }

    /** Reserves a free RTP port, or returns -1 when every port is in use. */
    synchronized int reserve() {
        for (int tried = 0; tried < count; tried++) {
            int index = (next + tried) % count;
            if (!inUse.get(index)) {
                inUse.set(index);
                next = (index + 1) % count;
                return low + 2 * index;
            }
        }
        return -1;
    }

    synchronized void release(int rtpPort) {
        inUse.clear((rtpPort - low) / 2);
    }

    int capacity() {
        return count;
    }
}
