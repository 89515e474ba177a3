package io.switchboard.benchmarks;

import io.switchboard.card.internal.dsp.DtmfDetector;
import io.switchboard.card.internal.dsp.DtmfListener;
import io.switchboard.card.internal.dsp.G711;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the card driver does per channel every 20 ms: decode the 160 received G.711 bytes, run DTMF
 * detection on them, and encode 160 samples of outgoing audio. One operation is one frame of one
 * channel; channels per core = 20 ms / (time per operation).
 *
 * <p>Each of {@link #channels} channels has its own detector and plays its own place in a 20 s
 * prebuilt stream (speech-like voiced audio, quiet line noise, and digits at 60 ms on / 60 ms off),
 * so detector state is spread over memory as on a full card rather than hot in cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CardDspBenchmark {
    private static final int FRAME = 160;

    @Param({"2000"})
    public int channels;

    @Param({"ALAW"})
    public G711 law;

    private DtmfDetector[] detectors;
    private byte[][] received;
    private short[][] outgoing;
    private final short[] linear = new short[FRAME];
    private final byte[] toSend = new byte[FRAME];
    private int channel;
    private int tick;
    /** Digits found, so the work cannot be optimised away. */
    public long digits;

    @Setup
    public void setUp() {
        received = ChannelAudio.stream(law);
        outgoing = ChannelAudio.prompt();
        detectors = new DtmfDetector[channels];
        DtmfListener counter = (digit, durationMs) -> digits++;
        for (int i = 0; i < channels; i++) {
            detectors[i] = new DtmfDetector(counter);
        }
    }

    @Benchmark
    public byte channelFrame() {
        int c = channel;
        int position = (c * 37 + tick) % received.length;
        byte[] frame = received[position];
        law.decode(frame, 0, linear, 0, FRAME);
        detectors[c].process(linear, 0, FRAME);
        law.encode(outgoing[position % outgoing.length], 0, toSend, 0, FRAME);
        if (++channel == channels) {
            channel = 0;
            tick++;
        }
        return toSend[c % FRAME];
    }
}
