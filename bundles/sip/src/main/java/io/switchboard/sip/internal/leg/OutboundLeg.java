package io.switchboard.sip.internal.leg;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.sip.internal.sdp.SdpException;
import io.switchboard.sip.internal.stack.SipMessages;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call we place (B2BUA leg towards a phone or the trunk): the UAC side of an INVITE. States:
 * CALLING → EARLY (a provisional came) → CONFIRMED (200 ACKed); a hangup before the answer becomes
 * a CANCEL, sent once a provisional has arrived (RFC 3261 §9.1). Runs on its strand.
 */
public final class OutboundLeg extends SipLeg {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    private enum State { CALLING, EARLY, CONFIRMED, ENDED }

    private final Request invite;
    private ClientTransaction inviteTransaction;
    private State state = State.CALLING;
    /** Why we want out before the answer; the CANCEL waits for a provisional. */
    private Cause cancelling;
    private boolean cancelSent;
    private ScheduledFuture<?> ringTimer;

    public OutboundLeg(LegContext ctx, String legId, String callId, String peer, RtpEndpoint rtp, InetAddress local,
                       Request invite, LegSink sink) {
        super(ctx, "out:" + legId, callId, peer, rtp, local, new DeferredSink("out:" + legId, sink));
        this.invite = invite;
    }

    /** The offer to put into the INVITE; called once, before {@link #send}. */
    public String initialOffer() {
        return offer();
    }

    /** Sends the INVITE and starts the ring timer. */
    public void send(Duration ringTimeout) throws SipException {
        inviteTransaction = sip.provider().getNewClientTransaction(invite);
        dialog = inviteTransaction.getDialog();
        inviteTransaction.sendRequest();
        ringTimer = ctx.timers().schedule(() -> strand.execute(() -> {
            if (state == State.CALLING || state == State.EARLY) {
                LOG.info("Leg {}: no answer in {}", this, ringTimeout);
                hangupNow(Cause.NO_ANSWER);
            }
        }), ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void ring() {
        // outbound: the far end rings, not us
    }

    @Override
    public void progress() {
        // outbound: early media comes from the far end
    }

    @Override
    public void answer() {
        // outbound: the far end answers
    }

    @Override
    public void hangup(Cause cause) {
        strand.execute(() -> hangupNow(cause));
    }

    @Override
    protected void hangupNow(Cause cause) {
        switch (state) {
            case CALLING -> cancelling = cause; // CANCEL once a provisional arrives
            case EARLY -> {
                cancelling = cause;
                sendCancel();
            }
            case CONFIRMED -> sendBye();
            case ENDED -> {
                return;
            }
        }
        state = State.ENDED;
        finish(cause);
    }

    @Override
    protected boolean isReInvite(ClientTransaction transaction) {
        return transaction != null && transaction != inviteTransaction;
    }

    @Override
    protected void onInviteResponse(Response response, ClientTransaction transaction) {
        int status = response.getStatusCode();
        if (status < 200) {
            provisional(response);
        } else if (status < 300) {
            success(response);
        } else if (cancelling == null && state != State.ENDED) {
            LOG.info("Leg {}: refused with {}", this, status);
            state = State.ENDED;
            finish(CauseCodes.cause(status));
        }
    }

    private void provisional(Response response) {
        int status = response.getStatusCode();
        if (cancelling != null) {
            if (status > 100) {
                sendCancel();
            }
            return;
        }
        if (status == Response.TRYING || state != State.CALLING && state != State.EARLY) {
            return;
        }
        boolean first = state == State.CALLING;
        state = State.EARLY;
        String body = SipMessages.body(response);
        if (body != null && status == Response.SESSION_PROGRESS) {
            try {
                apply(ctx.negotiator().negotiate(ctx.parser().parse(body), wanted()));
                sink.early();
                return;
            } catch (SdpException e) {
                LOG.info("Leg {}: unusable early SDP: {}", this, e.getMessage());
            }
        }
        if (first) {
            sink.ringing(); // once: phones repeat 180s
        }
    }

    private void success(Response response) {
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.warn("Leg {}: could not ACK the answer", this, e);
        }
        if (state == State.CONFIRMED) {
            return; // a retransmitted 200
        }
        if (state == State.ENDED) {
            // answered while we were cancelling: hang up what we just accepted
            sendBye();
            return;
        }
        cancelRingTimer();
        state = State.CONFIRMED;
        markConfirmed();
        String body = SipMessages.body(response);
        if (body == null) {
            LOG.info("Leg {}: answered without SDP; ending", this);
            hangupNow(Cause.INCOMPATIBLE_MEDIA);
            return;
        }
        try {
            apply(ctx.negotiator().negotiate(ctx.parser().parse(body), wanted()));
        } catch (SdpException e) {
            LOG.info("Leg {}: SDP answer unusable: {}", this, e.getMessage());
            hangupNow(e.isIncompatible() ? Cause.INCOMPATIBLE_MEDIA : Cause.ERROR);
            return;
        }
        sink.answered();
    }

    @Override
    protected void onInviteTimeout() {
        if (state == State.CALLING || state == State.EARLY) {
            LOG.info("Leg {}: INVITE timed out", this);
            state = State.ENDED;
            finish(Cause.NO_ANSWER);
        }
    }

    @Override
    protected void onAck(Request request) {
        acceptAnswerInAck(request); // ACK of our 2xx to a re-INVITE without SDP
    }

    @Override
    protected void onCancel(Request request, ServerTransaction transaction) {
        // nothing to cancel: we are the caller on this leg
        sip.send(transaction, sip.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
    }

    @Override
    protected void released() {
        cancelRingTimer();
    }

    private void sendCancel() {
        if (cancelSent) {
            return;
        }
        cancelSent = true;
        try {
            Request cancel = inviteTransaction.createCancel();
            sip.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.info("Leg {}: could not send CANCEL: {}", this, e.toString());
        }
    }

    private void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }
}
