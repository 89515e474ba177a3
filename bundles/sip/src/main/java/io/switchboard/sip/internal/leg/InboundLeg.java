package io.switchboard.sip.internal.leg;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.sip.internal.sdp.Negotiated;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the far end placed to us: the UAS side of an INVITE. States: EARLY (offered to core,
 * perhaps ringing) → ANSWERING (200 sent) → CONFIRMED (ACK received) or ENDED from any of them.
 * Runs on its strand (see {@link SipLeg}).
 */
public final class InboundLeg extends SipLeg {

    private static final Logger LOG = LoggerFactory.getLogger(InboundLeg.class);

    private enum State { EARLY, ANSWERING, CONFIRMED, ENDED }

    private final ServerTransaction inviteTransaction;
    private final Request invite;
    /** The far end's offer, or null for a delayed offer (we offer in the 200, it answers in the ACK). */
    private final Negotiated offerAnswer;
    private final String localTag;
    private final Runnable releasePermit;
    private State state = State.EARLY;
    private boolean ringing;
    private ScheduledFuture<?> ringTimer;

    public InboundLeg(LegContext ctx, String callId, String peer, RtpEndpoint rtp, InetAddress local,
                      ServerTransaction inviteTransaction, Negotiated offerAnswer, String localTag,
                      Runnable releasePermit) {
        super(ctx, "in:" + callId, callId, peer, rtp, local, new DeferredSink("in:" + callId));
        this.inviteTransaction = inviteTransaction;
        this.invite = inviteTransaction.getRequest();
        this.offerAnswer = offerAnswer;
        this.localTag = localTag;
        this.releasePermit = releasePermit;
        this.dialog = inviteTransaction.getDialog();
    }

    /** Offers the call to core and starts the ring timer; on the strand, off the stack's threads. */
    public void start(ChannelHub hub, InboundRequest request, Duration ringTimeout) {
        strand.execute(() -> {
            ringTimer = ctx.timers().schedule(() -> strand.execute(this::ringTimedOut),
                    ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LegSink legSink;
            try {
                legSink = hub.inbound(request, this);
            } catch (ChannelException e) {
                LOG.info("Call {} from {} to {} refused by core: {}", callId(), peer(), request.dialled(), e.getMessage());
                refuse(CauseCodes.status(e.cause()));
                return;
            } catch (RuntimeException e) {
                LOG.error("Core failed taking call {} from {}", callId(), peer(), e);
                refuse(Response.SERVER_INTERNAL_ERROR);
                return;
            }
            sink.attach(legSink);
        });
    }

    /** Core never took the call: answer with an error and leave without telling any sink. */
    private void refuse(int status) {
        if (state == State.EARLY) {
            sendFinal(status);
        }
        sink.attach(new NoSink());
        finish(Cause.ERROR);
    }

    @Override
    public void ring() {
        strand.execute(() -> {
            if (state == State.EARLY && !ringing) {
                ringing = true;
                sendProvisional(Response.RINGING, false);
            }
        });
    }

    @Override
    public void progress() {
        strand.execute(() -> {
            if (state != State.EARLY) {
                return;
            }
            if (offerAnswer == null) {
                // a delayed offer cannot carry early media; ringing is the best we can say
                ring();
                return;
            }
            apply(offerAnswer);
            sendProvisional(Response.SESSION_PROGRESS, true);
        });
    }

    @Override
    public void answer() {
        strand.execute(() -> {
            if (state != State.EARLY) {
                return;
            }
            Response ok = tagged(Response.OK);
            ok.addHeader(sip.contact(local, transport(invite)));
            sip.allow(ok);
            if (offerAnswer != null) {
                apply(offerAnswer);
                sip.sdp(ok, answer(offerAnswer));
            } else {
                answerInAck = true;
                sip.sdp(ok, offer());
            }
            if (sip.send(inviteTransaction, ok)) {
                state = State.ANSWERING;
                cancelRingTimer();
                releasePermit.run();
            } else {
                finish(Cause.LINE_FAILURE);
            }
        });
    }

    @Override
    public void hangup(Cause cause) {
        strand.execute(() -> hangupNow(cause));
    }

    @Override
    protected void hangupNow(Cause cause) {
        switch (state) {
            case EARLY -> sendFinal(CauseCodes.status(cause));
            case ANSWERING, CONFIRMED -> sendBye();
            case ENDED -> {
                return;
            }
        }
        state = State.ENDED;
        finish(cause);
    }

    @Override
    public void onRequest(Request request, ServerTransaction transaction) {
        // The stack's threads may hand us an INFO or BYE before the ACK sent just ahead of it:
        // the far end has our 200, so the call is answered; the late ACK is then only read for SDP.
        if (state == State.ANSWERING && !Request.ACK.equals(request.getMethod())
                && !Request.CANCEL.equals(request.getMethod())) {
            confirm();
        }
        super.onRequest(request, transaction);
    }

    @Override
    protected void onAck(Request ack) {
        if (state == State.ANSWERING) {
            confirm();
        }
        if (state == State.CONFIRMED) {
            acceptAnswerInAck(ack); // the answer to an offer we made in a 2xx, if we made one
        }
    }

    private void confirm() {
        state = State.CONFIRMED;
        markConfirmed();
        sink.answered();
    }

    @Override
    protected void onCancel(Request cancel, ServerTransaction transaction) {
        sip.send(transaction, sip.response(Response.OK, cancel));
        if (state == State.EARLY) {
            sendFinal(Response.REQUEST_TERMINATED);
            state = State.ENDED;
            finish(Cause.CANCELLED);
        }
    }

    @Override
    protected void onInviteResponse(Response response, ClientTransaction transaction) {
        // only re-INVITEs are ours to send on an inbound leg
    }

    @Override
    protected void onInviteTimeout() {
        // only re-INVITEs are ours to send on an inbound leg
    }

    @Override
    protected void released() {
        state = State.ENDED;
        cancelRingTimer();
        releasePermit.run();
    }

    private void ringTimedOut() {
        if (state == State.EARLY) {
            LOG.info("Call {} from {} not answered in time", callId(), peer());
            sendFinal(CauseCodes.status(Cause.NO_ANSWER));
            state = State.ENDED;
            finish(Cause.NO_ANSWER);
        }
    }

    private void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }

    private void sendProvisional(int status, boolean withSdp) {
        Response response = tagged(status);
        response.addHeader(sip.contact(local, transport(invite)));
        if (withSdp) {
            sip.sdp(response, answer(offerAnswer));
        }
        sip.send(inviteTransaction, response);
    }

    private void sendFinal(int status) {
        Response response = tagged(status);
        if (status == Response.SERVICE_UNAVAILABLE) {
            RetryAfter.add(sip, response);
        }
        sip.send(inviteTransaction, response);
    }

    private Response tagged(int status) {
        Response response = sip.response(status, invite);
        try {
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("to tag", e);
        }
        return response;
    }

    /** The sink of a call core refused: there is nobody to tell. */
    private static final class NoSink implements LegSink {
        @Override public String legId() { return "refused"; }
        @Override public void ringing() { }
        @Override public void early() { }
        @Override public void answered() { }
        @Override public void held(boolean onHold) { }
        @Override public void digit(char digit, int durationMs) { }
        @Override public void ended(Cause cause) { }
    }

}
