package io.switchboard.api.channel;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A channel whose driver moves raw G.711 frames itself (a telephony card): the driver hands
 * received 20 ms frames in, and core's media pacer hands it a frame to send every 20 ms through
 * the {@link FrameSink} given when it was opened.
 */
@ProviderType
public interface FrameEndpoint extends MediaEndpoint {

    /** Frame size: 20 ms of G.711 at 8 kHz. */
    int FRAME_BYTES = 160;

    /** A 20 ms frame received from the line; exactly {@value #FRAME_BYTES} bytes remaining, else rejected. */
    void received(ByteBuffer frame);

    /** Where core's pacer delivers each 20 ms frame to send to the line. */
    @FunctionalInterface
    interface FrameSink {
        void send(ByteBuffer frame);
    }
}
