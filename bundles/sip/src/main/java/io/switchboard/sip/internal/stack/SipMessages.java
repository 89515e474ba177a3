package io.switchboard.sip.internal.stack;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the messages every part of the driver needs. The factories are created
 * directly (not through the static {@code SipFactory}, whose singleton would outlive a bundle
 * update). Thread-safe: the RI's factories are stateless.
 */
public final class SipMessages {

    private static final Logger LOG = LoggerFactory.getLogger(SipMessages.class);

    /** The methods we answer; sent in Allow. */
    public static final List<String> ALLOWED =
            List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.OPTIONS, Request.INFO,
                    Request.REGISTER);

    public final MessageFactory messages = new MessageFactoryImpl();
    public final HeaderFactory headers = new HeaderFactoryImpl();
    public final AddressFactory addresses = new AddressFactoryImpl();
    private final SipProvider provider;
    private final int port;

    public SipMessages(SipProvider provider, int port) {
        this.provider = provider;
        this.port = port;
    }

    public SipProvider provider() {
        return provider;
    }

    public int port() {
        return port;
    }

    public Response response(int status, Request request) {
        try {
            return messages.createResponse(status, request);
        } catch (ParseException e) {
            throw new IllegalStateException("status " + status, e);
        }
    }

    /** Sends a response on its transaction; a failure (transaction gone, peer unreachable) is logged. */
    public boolean send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Could not send {} for {}: {}", response.getStatusCode(),
                    transaction.getRequest().getMethod(), e.toString());
            return false;
        }
    }

    /** Answers a request on a new server transaction; for requests the driver refuses up front. */
    public void respond(ServerTransaction transaction, Request request, int status) {
        Response response = response(status, request);
        if (transaction != null) {
            send(transaction, response);
        } else {
            try {
                provider.sendResponse(response);
            } catch (SipException | RuntimeException e) {
                LOG.debug("Could not send {} statelessly: {}", status, e.toString());
            }
        }
    }

    public ContactHeader contact(InetAddress local, String transport) {
        try {
            SipURI uri = addresses.createSipURI(null, local.getHostAddress());
            uri.setPort(port);
            if (!"udp".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
            }
            Address address = addresses.createAddress(uri);
            return headers.createContactHeader(address);
        } catch (ParseException e) {
            throw new IllegalStateException("contact for " + local, e);
        }
    }

    public ViaHeader via(InetAddress local, String transport) {
        try {
            return headers.createViaHeader(local.getHostAddress(), port, transport, null);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("via for " + local, e);
        }
    }

    public void allow(Message message) {
        try {
            for (String method : ALLOWED) {
                AllowHeader allow = headers.createAllowHeader(method);
                message.addHeader(allow);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("allow", e);
        }
    }

    public void sdp(Message message, String sdp) {
        try {
            ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
            message.setContent(sdp, type);
        } catch (ParseException e) {
            throw new IllegalStateException("sdp body", e);
        }
    }

    /** The message's body as text, or null when it has none. */
    public static String body(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return null;
        }
        return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the body is declared as SDP (or undeclared: some phones omit Content-Type). */
    public static boolean hasSdp(Message message) {
        if (body(message) == null) {
            return false;
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type == null || ("application".equalsIgnoreCase(type.getContentType())
                && "sdp".equalsIgnoreCase(type.getContentSubType()));
    }
}
