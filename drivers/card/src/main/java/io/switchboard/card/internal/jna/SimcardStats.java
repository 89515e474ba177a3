package io.switchboard.card.internal.jna;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** {@code struct sc_stats}: the card's counters. */
@FieldOrder({"ticks", "frames_in", "frames_out", "rx_overruns", "tx_underruns", "tx_overruns"})
public final class SimcardStats extends Structure {
    public long ticks;
    public long frames_in;
    public long frames_out;
    public long rx_overruns;
    public long tx_underruns;
    public long tx_overruns;
}
