package io.switchboard.sip.internal;

import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.channel.RtpEndpoint;
import io.switchboard.sip.internal.leg.LegContext;
import io.switchboard.sip.internal.leg.OutboundLeg;
import io.switchboard.sip.internal.registrar.Binding;
import io.switchboard.sip.internal.registrar.Registrar;
import io.switchboard.sip.internal.stack.SipMessages;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places outbound legs: {@code sip:<user>} to the device's newest registered contact,
 * {@code trunk:<number>} to the trunk gateway. Stateless apart from what it is given.
 */
final class Dialer {

    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final LegContext ctx;
    private final SipMessages sip;
    private final MediaEngine media;
    private final Registrar registrar;
    private final LocalAddresses locals;

    Dialer(LegContext ctx, MediaEngine media, Registrar registrar, LocalAddresses locals) {
        this.ctx = ctx;
        this.sip = ctx.sip();
        this.media = media;
        this.registrar = registrar;
        this.locals = locals;
    }

    /** Where a leg goes: the Request-URI, the transport, and the peer's address for our local one. */
    private record Target(SipURI uri, String transport, InetAddress peer) {
    }

    Channel originate(String legId, DialRequest request, LegSink sink, SipOptions options) throws ChannelException {
        String destination = request.destination();
        int colon = destination.indexOf(':');
        String scheme = destination.substring(0, colon);
        String address = destination.substring(colon + 1);
        Target target = switch (scheme) {
            case "sip" -> device(address);
            case "trunk" -> trunk(address, options.trunkGateway());
            default -> throw new ChannelException(Cause.UNREACHABLE, "not a SIP destination: " + destination);
        };
        InetAddress local = locals.towards(target.peer());
        RtpEndpoint rtp = media.openRtp(local);
        try {
            String callId = ((CallIdHeader) sip.provider().getNewCallId()).getCallId();
            Request invite = invite(target, request.callerId(), local, callId);
            OutboundLeg leg = new OutboundLeg(ctx, legId, callId, target.uri().toString(), rtp, local, invite, sink);
            sip.sdp(invite, leg.initialOffer());
            ctx.legs().add(leg);
            leg.strand().execute(() -> {
                try {
                    leg.send(request.timeout());
                } catch (SipException | RuntimeException e) {
                    LOG.info("Leg {}: could not send INVITE to {}: {}", legId, target.uri(), e.toString());
                    leg.hangup(Cause.UNREACHABLE);
                }
            });
            return leg;
        } catch (ParseException | InvalidArgumentException | RuntimeException e) {
            rtp.close();
            throw new ChannelException(Cause.UNREACHABLE, "cannot dial " + destination + ": " + e.getMessage());
        }
    }

    private Target device(String user) throws ChannelException {
        List<Binding> bindings = registrar.lookup(user);
        if (bindings.isEmpty()) {
            throw new ChannelException(Cause.UNREACHABLE, "sip:" + user + " is not registered");
        }
        Binding binding = bindings.get(0);
        try {
            SipURI uri = (SipURI) sip.addresses.createURI(binding.contact());
            if (!"udp".equals(binding.transport()) && uri.getTransportParam() == null) {
                uri.setTransportParam(binding.transport());
            }
            String source = binding.source();
            InetAddress peer = InetAddress.getByName(source.substring(0, source.lastIndexOf(':')));
            return new Target(uri, uri.getTransportParam() == null ? "udp" : uri.getTransportParam(), peer);
        } catch (ParseException | ClassCastException | UnknownHostException e) {
            throw new ChannelException(Cause.UNREACHABLE, "bad contact for " + user + ": " + binding.contact());
        }
    }

    private Target trunk(String number, String gateway) throws ChannelException {
        if (gateway == null || gateway.isBlank()) {
            throw new ChannelException(Cause.UNREACHABLE, "no trunk gateway configured");
        }
        try {
            SipURI uri = (SipURI) sip.addresses.createURI("sip:" + number + "@" + gateway.trim());
            // a literal gateway address needs no lookup; a name is resolved once per call here
            return new Target(uri, "udp", InetAddress.getByName(uri.getHost()));
        } catch (ParseException | ClassCastException | UnknownHostException e) {
            throw new ChannelException(Cause.UNREACHABLE, "cannot dial trunk:" + number + " via " + gateway);
        }
    }

    private Request invite(Target target, String callerId, InetAddress local, String callId)
            throws ParseException, InvalidArgumentException {
        String caller = callerId.isEmpty() ? "switchboard" : callerId;
        Address from = sip.addresses.createAddress(sip.addresses.createSipURI(caller, local.getHostAddress()));
        FromHeader fromHeader = sip.headers.createFromHeader(from,
                HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        SipURI toUri = sip.addresses.createSipURI(target.uri().getUser(), target.uri().getHost());
        ToHeader toHeader = sip.headers.createToHeader(sip.addresses.createAddress(toUri), null);
        CSeqHeader cseq = sip.headers.createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader maxForwards = sip.headers.createMaxForwardsHeader(70);
        Request invite = sip.messages.createRequest(target.uri(), Request.INVITE,
                sip.headers.createCallIdHeader(callId), cseq, fromHeader, toHeader,
                List.of(sip.via(local, target.transport())), maxForwards);
        invite.addHeader(sip.contact(local, target.transport()));
        sip.allow(invite);
        return invite;
    }
}
