package io.switchboard.sip.internal;

import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.Direction;
import io.switchboard.api.channel.InboundRequest;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.sip.internal.auth.Authenticator;
import io.switchboard.sip.internal.auth.DigestCredentials;
import io.switchboard.sip.internal.leg.InboundLeg;
import io.switchboard.sip.internal.leg.LegContext;
import io.switchboard.sip.internal.leg.RetryAfter;
import io.switchboard.sip.internal.registrar.Registrar;
import io.switchboard.sip.internal.sdp.Negotiated;
import io.switchboard.sip.internal.sdp.SdpException;
import io.switchboard.sip.internal.stack.SipMessages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new INVITE: refuse it early (draining, overload, untrusted, bad SDP) or make an
 * {@link InboundLeg} and offer it to core. Runs on the stack's threads and never waits for core.
 */
final class InviteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InviteHandler.class);

    private final LegContext ctx;
    private final SipMessages sip;
    private final DigestHeaders digest;
    private final ChannelHub hub;
    private final MediaEngine media;
    private final Registrar registrar;
    private final OverloadGuard overload;
    private final LocalAddresses locals;

    InviteHandler(LegContext ctx, ChannelHub hub, MediaEngine media, Registrar registrar, OverloadGuard overload,
                  LocalAddresses locals) {
        this.ctx = ctx;
        this.sip = ctx.sip();
        this.digest = new DigestHeaders(sip);
        this.hub = hub;
        this.media = media;
        this.registrar = registrar;
        this.overload = overload;
        this.locals = locals;
    }

    void handle(Request request, ServerTransaction transaction, InetSocketAddress source, SipOptions options,
                TrustedPeers trusted, Authenticator auth) {
        if (!hub.accepting()) {
            refuse(request, transaction, Response.SERVICE_UNAVAILABLE);
            return;
        }
        Runnable permit = overload.tryAcquire();
        if (permit == null) {
            LOG.debug("INVITE from {} refused: {} INVITEs pending", source, overload.pending());
            refuse(request, transaction, Response.SERVICE_UNAVAILABLE);
            return;
        }
        boolean handedOver = false;
        try {
            handedOver = admit(request, transaction, source, options, trusted, auth, permit);
        } finally {
            if (!handedOver) {
                permit.run();
            }
        }
    }

    /** True when a leg now owns the permit. */
    private boolean admit(Request request, ServerTransaction transaction, InetSocketAddress source,
                          SipOptions options, TrustedPeers trusted, Authenticator auth, Runnable permit) {
        if (!(request.getRequestURI() instanceof SipURI target)) {
            sip.send(transaction, sip.response(Response.UNSUPPORTED_URI_SCHEME, request));
            return false;
        }
        String caller = user(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        String host = source.getAddress().getHostAddress();
        boolean trunk = trusted.contains(source.getAddress());
        if (!trunk && !authorised(request, transaction, host, caller, auth)) {
            return false;
        }
        Negotiated negotiated = null;
        String body = SipMessages.body(request);
        if (body != null) {
            try {
                negotiated = ctx.negotiator().negotiate(ctx.parser().parse(body), Direction.SENDRECV);
            } catch (SdpException e) {
                LOG.info("INVITE from {} refused: {}", source, e.getMessage());
                sip.send(transaction, sip.response(e.isIncompatible() ? Response.NOT_ACCEPTABLE_HERE
                        : Response.BAD_REQUEST, request));
                return false;
            }
        }
        InetAddress local = locals.towards(source.getAddress());
        RtpEndpoint rtp;
        try {
            rtp = media.openRtp(local);
        } catch (ChannelException e) {
            LOG.warn("INVITE from {} refused: no media port ({})", source, e.getMessage());
            refuse(request, transaction, Response.SERVICE_UNAVAILABLE);
            return false;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        InboundLeg leg = new InboundLeg(ctx, callId, caller + "@" + host, rtp, local, transaction, negotiated, tag,
                permit);
        if (!ctx.legs().add(leg)) {
            rtp.close();
            sip.send(transaction, sip.response(Response.LOOP_DETECTED, request));
            return false;
        }
        sip.send(transaction, sip.response(Response.TRYING, request));
        Map<String, Object> details = new HashMap<>();
        details.put("source", host + ":" + source.getPort());
        details.put("transport", ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(java.util.Locale.ROOT));
        details.put(trunk ? "trunk" : "device", trunk ? host : caller);
        String dialled = target.getUser() == null ? "" : target.getUser();
        leg.start(hub, new InboundRequest("sip", dialled, caller, details), options.ringTimeout());
        return true;
    }

    /** An agent dialling out: a registered device at this address with a good digest. */
    private boolean authorised(Request request, ServerTransaction transaction, String host, String caller,
                               Authenticator auth) {
        DigestCredentials credentials = digest.credentials(request, true, auth.realm());
        String user = credentials != null && credentials.username() != null ? credentials.username() : caller;
        if (!registeredFrom(user, host)) {
            LOG.info("INVITE from {} (user {}) refused: not a trunk peer nor a device registered there", host, user);
            sip.send(transaction, sip.response(Response.FORBIDDEN, request));
            return false;
        }
        switch (auth.authenticate(credentials, Request.INVITE, host)) {
            case OK -> {
                return true;
            }
            case CHALLENGE -> sip.send(transaction, digest.challenge(request, true, auth.realm(), auth.newNonce(), false));
            case STALE -> sip.send(transaction, digest.challenge(request, true, auth.realm(), auth.newNonce(), true));
            case FORBIDDEN -> sip.send(transaction, sip.response(Response.FORBIDDEN, request));
        }
        return false;
    }

    private boolean registeredFrom(String user, String host) {
        return user != null && registrar.lookup(user).stream()
                .anyMatch(b -> b.source().substring(0, b.source().lastIndexOf(':')).equals(host));
    }

    private void refuse(Request request, ServerTransaction transaction, int status) {
        Response response = sip.response(status, request);
        if (status == Response.SERVICE_UNAVAILABLE) {
            RetryAfter.add(sip, response);
        }
        sip.send(transaction, response);
    }

    private static String user(javax.sip.address.URI uri) {
        return uri instanceof SipURI sipUri && sipUri.getUser() != null ? sipUri.getUser() : "anonymous";
    }
}
