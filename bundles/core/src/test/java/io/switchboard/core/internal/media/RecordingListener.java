package io.switchboard.core.internal.media;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects what a port reports, for tests to wait on with a ceiling. */
final class RecordingListener implements MediaListener {

    final BlockingQueue<Character> digits = new LinkedBlockingQueue<>();
    final BlockingQueue<String> playbacks = new LinkedBlockingQueue<>();
    final BlockingQueue<Boolean> inactivity = new LinkedBlockingQueue<>();

    @Override
    public void digit(char digit, int durationMs) {
        digits.add(digit);
    }

    @Override
    public void playbackFinished(String playbackId, String reason) {
        playbacks.add(playbackId + ":" + reason);
    }

    @Override
    public void inactive() {
        inactivity.add(Boolean.TRUE);
    }

    char nextDigit() throws InterruptedException {
        return await(digits);
    }

    String nextPlayback() throws InterruptedException {
        return await(playbacks);
    }

    static <T> T await(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(TestRtpPeer.CEILING_MILLIS, TimeUnit.MILLISECONDS);
        if (value == null) {
            throw new AssertionError("nothing reported within " + TestRtpPeer.CEILING_MILLIS + " ms");
        }
        return value;
    }
}
