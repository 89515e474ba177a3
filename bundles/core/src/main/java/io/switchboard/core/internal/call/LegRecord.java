package io.switchboard.core.internal.call;

import io.switchboard.api.call.LegInfo;
import io.switchboard.api.call.LegState;
import io.switchboard.api.channel.Channel;
import io.switchboard.core.internal.media.MediaPort;
import java.time.Instant;

/** One leg of a call as core keeps it. Guarded by the owning {@link CallRecord}'s monitor. */
final class LegRecord {
    final String id;
    final String driver;
    final boolean inbound;
    final Instant created;
    Channel channel;
    LegState state = LegState.NEW;
    /** Set when the leg was answered; held and resumed keep it. */
    boolean answered;
    /** Put on hold by us (we play music to it). */
    boolean heldByUs;
    /** Put on hold by its far end. */
    boolean heldByPeer;
    String peer;

    LegRecord(String id, String driver, boolean inbound, Instant created, Channel channel, String peer) {
        this.id = id;
        this.driver = driver;
        this.inbound = inbound;
        this.created = created;
        this.channel = channel;
        this.peer = peer;
    }

    /** The leg's media, or null before the driver opened it. */
    MediaPort media() {
        return channel == null ? null : (MediaPort) channel.media();
    }

    boolean ended() {
        return state == LegState.ENDED;
    }

    LegInfo info() {
        MediaPort media = media();
        String codec = media == null || media.codec() == null ? "" : media.codec().name();
        return new LegInfo(id, driver, inbound ? "inbound" : "outbound", state, peer == null ? "" : peer, codec,
                created);
    }
}
