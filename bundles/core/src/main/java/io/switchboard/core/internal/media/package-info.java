/**
 * Core's media engine: G.711 RTP and card frames, relayed, played and listened to by a fixed
 * set of threads.
 *
 * <h2>Threads</h2>
 * One receive thread ({@link io.switchboard.core.internal.media.ReceiveLoop}) selects over every
 * RTP and RTCP socket; a few pacer threads ({@link io.switchboard.core.internal.media.Pacer}) tick
 * every port every 20 ms on an absolute schedule. No thread per call. Hot paths reuse their
 * buffers: one receive buffer and packet view, a send buffer and frame per port.
 *
 * <h2>Relay</h2>
 * {@code a.relayTo(b)} sends what {@code a} receives out of {@code b}. RTP to RTP with the same
 * codec is forwarded on the receive thread as it arrives (no decode; header rewritten onto
 * {@code b}'s own SSRC, sequence and timestamp). RTP to RTP with different codecs, and RTP to a
 * card, go through {@code a}'s jitter buffer and are pulled by {@code b}'s pacer tick (µ-law and
 * A-law are transcoded by table). Card frames are pushed into an RTP target as the card delivers
 * them. Telephone-events are relayed between RTP ports with the target's payload type.
 *
 * <h2>Timestamps</h2>
 * Each RTP port sends one stream ({@link io.switchboard.core.internal.media.OutgoingStream}):
 * playback, relay and digits follow one another without breaking sequence numbers, and each new
 * talkspurt starts at the current media time with the marker bit.
 *
 * <h2>Known gaps</h2>
 * No RTCP reports are sent (received RTCP is drained). Digits are not detected in-band on card
 * frames, and telephone-events relayed to a card are not regenerated as tones. Packets must be
 * 20 ms (160 bytes) where audio is decoded; other packet sizes are relayed unchanged only between
 * RTP ports of the same codec.
 */
package io.switchboard.core.internal.media;
