package io.switchboard.card.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** {@code struct sc_event}: one event from the card's queue. Reused by the one thread that polls. */
@FieldOrder({"type", "channel", "span", "value", "duration_ms", "number", "caller"})
public final class SimcardEvent extends Structure {

    public static final int INCOMING = 1;
    public static final int ANSWERED = 2;
    public static final int HANGUP = 3;
    public static final int DTMF = 4;
    public static final int ALARM = 5;
    public static final int ALARM_CLEAR = 6;

    public int type;
    public int channel;
    public int span;
    public int value;
    public int duration_ms;
    public byte[] number = new byte[32];
    public byte[] caller = new byte[32];

    public String number() {
        return Native.toString(number, "US-ASCII");
    }

    public String caller() {
        return Native.toString(caller, "US-ASCII");
    }
}
