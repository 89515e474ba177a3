package io.switchboard.core.internal.call;

import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelDriver;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.LegSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A driver that hands out {@link TestChannel}s and keeps each dialled leg's sink to play the far end. */
final class TestDriver implements ChannelDriver {
    final Map<String, LegSink> sinks = new ConcurrentHashMap<>();
    final Map<String, TestChannel> channels = new ConcurrentHashMap<>();
    volatile ChannelException refusal;
    /** Runs inside originate, before the channel is returned: what happens elsewhere meanwhile. */
    volatile Runnable whileDialling = () -> { };

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException {
        if (refusal != null) {
            throw refusal;
        }
        whileDialling.run();
        TestChannel channel = new TestChannel();
        sinks.put(legId, sink);
        channels.put(legId, channel);
        return channel;
    }
}
