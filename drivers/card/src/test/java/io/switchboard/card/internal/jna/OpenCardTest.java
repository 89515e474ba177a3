package io.switchboard.card.internal.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JNA layer against the real simulator library: bad input is an error, never a crash. */
class OpenCardTest {

    @TempDir
    Path dir;

    private NativeCardLibrary library;
    private OpenCard card;
    private SimcardControlClient control;

    @BeforeEach
    void open() throws Exception {
        library = NativeCardLibrary.load(null, getClass().getClassLoader(), dir.resolve("native"));
        Path socket = dir.resolve("control.sock");
        card = library.open("control=" + socket + ";spans=1;analog=4");
        control = new SimcardControlClient(socket);
    }

    @AfterEach
    void close() {
        card.close();
    }

    @Test
    void describesItsChannels() throws CardException {
        assertThat(card.channelCount()).isEqualTo(34);
        assertThat(card.spanCount()).isEqualTo(1);
        assertThat(card.channelType(1)).isEqualTo(OpenCard.TRUNK);
        assertThat(card.channelType(30)).isEqualTo(OpenCard.TRUNK);
        assertThat(card.channelType(31)).isEqualTo(OpenCard.ANALOG);
    }

    @Test
    void channelsOutsideTheCardAreRefused() {
        for (int channel : new int[] {0, -1, 35, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> card.offHook(channel))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_INVAL));
            assertThatThrownBy(() -> card.readFrame(channel, new byte[160]))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_INVAL));
        }
    }

    @Test
    void framesOfTheWrongSizeAreRefused() throws Exception {
        answeredCallOn(1);
        for (int size : new int[] {0, 1, 159, 161, 320}) {
            assertThatThrownBy(() -> card.writeFrame(1, new byte[size]))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_FRAME));
            assertThatThrownBy(() -> card.readFrame(1, new byte[size]))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_FRAME));
        }
        card.writeFrame(1, new byte[160]);
    }

    @Test
    void answeringAChannelThatDoesNotRingIsAStateError() {
        assertThatThrownBy(() -> card.offHook(2))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_STATE))
                .hasMessageContaining("off-hook on channel 2");
        assertThatThrownBy(() -> card.writeFrame(2, new byte[160]))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_STATE));
    }

    @Test
    void aClosedCardAnswersEveryCallWithAnError() throws Exception {
        answeredCallOn(1);
        card.close();
        assertThatThrownBy(() -> card.readFrame(1, new byte[160]))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_CLOSED));
        assertThatThrownBy(() -> card.writeFrame(1, new byte[160]))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_CLOSED));
        assertThatThrownBy(() -> card.waitTick(100)).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> card.nextEvent(new SimcardEvent(), 100)).isInstanceOf(CardException.class);
        card.close(); // twice: harmless
    }

    @Test
    void closingUnderALiveCallReleasesEveryThreadBlockedOrMovingFrames() throws Exception {
        answeredCallOn(1);
        CompletableFuture<Throwable> ticker = CompletableFuture.supplyAsync(() -> failureOf(() -> {
            while (true) {
                card.waitTick(5_000);
            }
        }));
        CompletableFuture<Throwable> events = CompletableFuture.supplyAsync(() -> failureOf(() -> {
            SimcardEvent event = new SimcardEvent();
            while (true) {
                card.nextEvent(event, 5_000);
            }
        }));
        AtomicBoolean moving = new AtomicBoolean();
        CountDownLatch frames = new CountDownLatch(100);
        CompletableFuture<Throwable> mover = CompletableFuture.supplyAsync(() -> failureOf(() -> {
            byte[] frame = new byte[160];
            while (true) {
                card.writeFrame(1, frame);
                card.readFrame(1, frame);
                moving.set(true);
                frames.countDown();
            }
        }));
        assertThat(frames.await(5, TimeUnit.SECONDS)).isTrue();

        card.close();

        for (CompletableFuture<Throwable> thread : java.util.List.of(ticker, events, mover)) {
            assertThat(thread.get(5, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(OpenCard.E_CLOSED));
        }
        assertThat(moving).isTrue();
    }

    @Test
    void aMalformedOpenStringIsRefusedWithTheReason() {
        assertThatThrownBy(() -> library.open("spans=lots"))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("spans=lots");
    }

    @Test
    void aLibraryThatIsNotThereOrNotALibraryIsUnavailable() throws IOException {
        assertThatThrownBy(() -> NativeCardLibrary.load(dir.resolve("missing.so"), getClass().getClassLoader(), dir))
                .isInstanceOf(CardUnavailableException.class)
                .hasMessageContaining("missing.so");
        Path garbage = Files.writeString(dir.resolve("garbage.so"), "not a shared object");
        assertThatThrownBy(() -> NativeCardLibrary.load(garbage, getClass().getClassLoader(), dir))
                .isInstanceOf(CardUnavailableException.class)
                .hasMessageContaining("cannot load the card library");
    }

    @Test
    void incomingCallsArriveAsEventsWithTheirNumbers() throws Exception {
        control.ok("ring 5 300 13800000001");
        SimcardEvent event = new SimcardEvent();
        assertThat(card.nextEvent(event, 5_000)).isTrue();
        assertThat(event.type).isEqualTo(SimcardEvent.INCOMING);
        assertThat(event.channel).isEqualTo(5);
        assertThat(event.number()).isEqualTo("300");
        assertThat(event.caller()).isEqualTo("13800000001");
    }

    private void answeredCallOn(int channel) throws Exception {
        control.ok("ring " + channel + " 300 100");
        SimcardEvent event = new SimcardEvent();
        assertThat(card.nextEvent(event, 5_000)).isTrue();
        card.offHook(channel);
    }

    private interface Body {
        void run() throws CardException;
    }

    private static Throwable failureOf(Body body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            body.run();
        } catch (CardException | RuntimeException e) {
            failure.set(e);
        }
        return failure.get();
    }
}
