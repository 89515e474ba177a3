package io.switchboard.sip.internal.leg;

import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.Direction;
import io.switchboard.api.channel.MediaEndpoint;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.sip.internal.sdp.Negotiated;
import io.switchboard.sip.internal.sdp.SdpException;
import io.switchboard.sip.internal.sdp.SdpWriter;
import io.switchboard.sip.internal.stack.SipMessages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What inbound and outbound legs share once their dialog exists: BYE either way, re-INVITEs for
 * hold and resume either way, INFO digits, and the SDP state of the one audio stream. Every
 * method runs on the leg's {@link Strand}; no field needs a lock.
 */
public abstract class SipLeg implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(SipLeg.class);
    private static final List<Codec> OFFERED = List.of(Codec.PCMU, Codec.PCMA);

    protected final LegContext ctx;
    protected final SipMessages sip;
    protected final Strand strand;
    protected final DeferredSink sink;
    protected final RtpEndpoint rtp;
    protected final InetAddress local;
    private final String callId;
    private final String peer;
    private final String name;
    private final long sdpSession = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
    private long sdpVersion;

    protected Dialog dialog;
    private volatile boolean ended;
    private boolean confirmed;
    private boolean localHold;
    private boolean farEndHolding;
    private boolean reInviting;
    private Boolean queuedHold;
    /** We sent an offer in a 2xx (the far end's INVITE had no SDP); its answer comes in the ACK. */
    protected boolean answerInAck;

    protected SipLeg(LegContext ctx, String name, String callId, String peer, RtpEndpoint rtp, InetAddress local,
                     DeferredSink sink) {
        this.ctx = ctx;
        this.sip = ctx.sip();
        this.name = name;
        this.callId = callId;
        this.peer = peer;
        this.rtp = rtp;
        this.local = local;
        this.sink = sink;
        this.strand = new Strand(ctx.pool(), name);
    }

    public String callId() {
        return callId;
    }

    public boolean isEnded() {
        return ended;
    }

    public Strand strand() {
        return strand;
    }

    @Override
    public MediaEndpoint media() {
        return rtp;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void hold(boolean onHold) {
        strand.execute(() -> {
            if (ended || !confirmed) {
                return;
            }
            if (reInviting) {
                queuedHold = onHold;
                return;
            }
            if (onHold != localHold) {
                localHold = onHold;
                sendReInvite();
            }
        });
    }

    // ---- dialog requests and responses, delivered by the engine on this leg's strand

    /** A request inside this leg's dialog (or a CANCEL of its INVITE). */
    public void onRequest(Request request, ServerTransaction transaction) {
        switch (request.getMethod()) {
            case Request.BYE -> onBye(request, transaction);
            case Request.INVITE -> onReInvite(request, transaction);
            case Request.ACK -> onAck(request);
            case Request.INFO -> onInfo(request, transaction);
            case Request.CANCEL -> onCancel(request, transaction);
            case Request.OPTIONS -> {
                Response ok = sip.response(Response.OK, request);
                sip.allow(ok);
                sip.send(transaction, ok);
            }
            default -> sip.send(transaction, sip.response(Response.NOT_IMPLEMENTED, request));
        }
    }

    public void onResponse(Response response, ClientTransaction transaction) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (Request.INVITE.equals(cseq.getMethod()) && isReInvite(transaction)) {
            onReInviteResponse(response, cseq.getSeqNumber());
        } else if (Request.INVITE.equals(cseq.getMethod())) {
            onInviteResponse(response, transaction);
        }
        // responses to BYE and INFO need nothing from us
    }

    /** A client transaction of this leg timed out. */
    public void onTimeout(ClientTransaction transaction) {
        if (transaction != null && Request.INVITE.equals(transaction.getRequest().getMethod())
                && isReInvite(transaction)) {
            reInviting = false;
            LOG.info("Leg {}: re-INVITE timed out; ending", name);
            hangupNow(Cause.LINE_FAILURE);
        } else if (transaction != null && Request.INVITE.equals(transaction.getRequest().getMethod())) {
            onInviteTimeout();
        }
    }

    /** The stack ended the dialog (no ACK, a timer fired): end the leg if nothing else did. */
    public void onDialogTerminated() {
        if (!ended) {
            LOG.info("Leg {}: dialog terminated by the stack", name);
            finish(Cause.LINE_FAILURE);
        }
    }

    protected abstract void onInviteResponse(Response response, ClientTransaction transaction);

    protected abstract void onInviteTimeout();

    protected abstract void onCancel(Request request, ServerTransaction transaction);

    protected abstract void onAck(Request request);

    /** Ends the leg from inside the strand as core's hangup would. */
    protected abstract void hangupNow(Cause cause);

    protected boolean isReInvite(ClientTransaction transaction) {
        return confirmed;
    }

    // ---- shared behaviour

    protected void markConfirmed() {
        confirmed = true;
    }

    protected boolean isConfirmed() {
        return confirmed;
    }

    private void onBye(Request request, ServerTransaction transaction) {
        sip.send(transaction, sip.response(Response.OK, request));
        if (!ended) {
            finish(Cause.NORMAL);
        }
    }

    private void onReInvite(Request request, ServerTransaction transaction) {
        if (ended || !confirmed) {
            sip.send(transaction, sip.response(ended ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                    : Response.REQUEST_PENDING, request));
            return;
        }
        if (reInviting) {
            // glare (RFC 3261 §14.2): both sides re-INVITE at once
            sip.send(transaction, sip.response(Response.REQUEST_PENDING, request));
            return;
        }
        String body = SipMessages.body(request);
        Response ok = sip.response(Response.OK, request);
        ok.addHeader(sip.contact(local, transport(request)));
        if (body == null) {
            answerInAck = true;
            sip.sdp(ok, offer());
        } else {
            Negotiated negotiated;
            try {
                negotiated = ctx.negotiator().negotiate(ctx.parser().parse(body), wanted());
            } catch (SdpException e) {
                LOG.info("Leg {}: re-INVITE refused: {}", name, e.getMessage());
                sip.send(transaction, sip.response(e.isIncompatible() ? Response.NOT_ACCEPTABLE_HERE
                        : Response.BAD_REQUEST, request));
                return;
            }
            apply(negotiated);
            sip.sdp(ok, answer(negotiated));
        }
        sip.send(transaction, ok);
    }

    private void onInfo(Request request, ServerTransaction transaction) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !type.getContentType().equalsIgnoreCase("application")
                || !(type.getContentSubType().equalsIgnoreCase("dtmf-relay")
                || type.getContentSubType().equalsIgnoreCase("dtmf"))) {
            sip.send(transaction, sip.response(Response.UNSUPPORTED_MEDIA_TYPE, request));
            return;
        }
        Dtmf.Event event = Dtmf.parse(type.getContentSubType(), SipMessages.body(request));
        if (event.digit() == 0) {
            sip.send(transaction, sip.response(Response.BAD_REQUEST, request));
            return;
        }
        sip.send(transaction, sip.response(Response.OK, request));
        if (!ended) {
            sink.digit(event.digit(), event.durationMs());
        }
    }

    /** Reads the SDP answer carried by an ACK to a 2xx in which we offered. */
    protected void acceptAnswerInAck(Request ack) {
        if (!answerInAck) {
            return;
        }
        answerInAck = false;
        String body = SipMessages.body(ack);
        if (body == null) {
            LOG.info("Leg {}: ACK without the SDP answer we asked for; ending", name);
            hangupNow(Cause.INCOMPATIBLE_MEDIA);
            return;
        }
        try {
            apply(ctx.negotiator().negotiate(ctx.parser().parse(body), wanted()));
        } catch (SdpException e) {
            LOG.info("Leg {}: bad SDP answer in ACK: {}", name, e.getMessage());
            hangupNow(e.isIncompatible() ? Cause.INCOMPATIBLE_MEDIA : Cause.ERROR);
        }
    }

    private void sendReInvite() {
        try {
            Request invite = dialog.createRequest(Request.INVITE);
            fixVia(invite);
            invite.setHeader(sip.contact(local, transport(invite)));
            sip.sdp(invite, offer());
            ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
            dialog.sendRequest(transaction);
            reInviting = true;
        } catch (SipException | RuntimeException e) {
            LOG.warn("Leg {}: could not send re-INVITE", name, e);
        }
    }

    private void onReInviteResponse(Response response, long cseq) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        reInviting = false;
        if (status < 300) {
            try {
                dialog.sendAck(dialog.createAck(cseq));
            } catch (SipException | InvalidArgumentException e) {
                LOG.warn("Leg {}: could not ACK the re-INVITE's 200", name, e);
            }
            String body = SipMessages.body(response);
            if (body != null) {
                try {
                    apply(ctx.negotiator().negotiate(ctx.parser().parse(body), wanted()));
                } catch (SdpException e) {
                    LOG.info("Leg {}: re-INVITE answer unusable: {}", name, e.getMessage());
                }
            }
        } else {
            LOG.info("Leg {}: re-INVITE refused with {}", name, status);
        }
        if (queuedHold != null) {
            boolean hold = queuedHold;
            queuedHold = null;
            if (hold != localHold && !ended) {
                localHold = hold;
                sendReInvite();
            }
        }
    }

    protected void sendBye() {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            fixVia(bye);
            ClientTransaction transaction = sip.provider().getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
        } catch (SipException | RuntimeException e) {
            LOG.info("Leg {}: could not send BYE: {}", name, e.toString());
        }
    }

    /** Leaves the leg: media closed, core told once, the registry lets go later. */
    protected void finish(Cause cause) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            rtp.close();
        } catch (RuntimeException e) {
            LOG.warn("Leg {}: closing media failed", name, e);
        }
        sink.ended(cause);
        ctx.legs().retire(this);
        released();
    }

    /** Hook for what a subclass holds beyond media (an overload permit). */
    protected void released() {
    }

    /** The direction we want for our stream now. */
    protected Direction wanted() {
        return localHold ? Direction.SENDONLY : Direction.SENDRECV;
    }

    protected void apply(Negotiated negotiated) {
        rtp.configure(negotiated.settings());
        if (negotiated.farEndHolding() != farEndHolding) {
            farEndHolding = negotiated.farEndHolding();
            if (confirmed) {
                sink.held(farEndHolding);
            }
        }
    }

    protected String offer() {
        return ctx.writer().write(sdpSession, ++sdpVersion, mediaAddress(), OFFERED,
                SdpWriter.OFFERED_DTMF_PAYLOAD_TYPE, wanted());
    }

    protected String answer(Negotiated negotiated) {
        return ctx.writer().write(sdpSession, ++sdpVersion, mediaAddress(), List.of(negotiated.codec()),
                negotiated.dtmfPayloadType(), negotiated.direction());
    }

    private InetSocketAddress mediaAddress() {
        InetSocketAddress bound = rtp.local();
        return bound.getAddress() == null || bound.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(local, bound.getPort()) : bound;
    }

    /** Requests the dialog makes carry the listening point's address, 0.0.0.0 when bound to all. */
    protected void fixVia(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via != null && "0.0.0.0".equals(via.getHost())) {
            try {
                via.setHost(local.getHostAddress());
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("via host " + local, e);
            }
        }
    }

    protected static String transport(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
    }

    protected static boolean hasContact(Request request) {
        return request.getHeader(ContactHeader.NAME) != null;
    }
}
