package io.switchboard.core.internal.call;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.MediaEndpoint;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** A channel that records what core asked of it, standing in for a driver's. */
final class TestChannel implements Channel {
    final TestMedia media = new TestMedia();
    final List<String> actions = new CopyOnWriteArrayList<>();
    volatile Cause hungUpWith;

    @Override
    public MediaEndpoint media() {
        return media;
    }

    @Override
    public String peer() {
        return "13800000001@127.0.0.1";
    }

    @Override
    public void ring() {
        actions.add("ring");
    }

    @Override
    public void progress() {
        actions.add("progress");
    }

    @Override
    public void answer() {
        actions.add("answer");
    }

    @Override
    public void hold(boolean onHold) {
        actions.add(onHold ? "hold" : "resume");
    }

    @Override
    public void hangup(Cause cause) {
        hungUpWith = cause;
        actions.add("hangup:" + cause);
    }
}
