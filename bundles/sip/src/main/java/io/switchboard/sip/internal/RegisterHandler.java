package io.switchboard.sip.internal;

import io.switchboard.sip.internal.auth.Authenticator;
import io.switchboard.sip.internal.auth.DigestCredentials;
import io.switchboard.sip.internal.registrar.Binding;
import io.switchboard.sip.internal.registrar.ContactUpdate;
import io.switchboard.sip.internal.registrar.RegisterResult;
import io.switchboard.sip.internal.registrar.Registrar;
import io.switchboard.sip.internal.stack.SipMessages;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar's SIP side: REGISTER with digest (401 challenge, 403 on failure or lockout),
 * bindings kept by the {@link Registrar}. Stateless apart from what it is given.
 */
final class RegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

    private final SipMessages sip;
    private final DigestHeaders digest;
    private final Registrar registrar;
    private final Clock clock;

    RegisterHandler(SipMessages sip, Registrar registrar, Clock clock) {
        this.sip = sip;
        this.digest = new DigestHeaders(sip);
        this.registrar = registrar;
        this.clock = clock;
    }

    void handle(Request request, ServerTransaction transaction, InetSocketAddress source, Authenticator auth) {
        if (!(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI() instanceof SipURI aor)
                || aor.getUser() == null) {
            sip.send(transaction, sip.response(Response.BAD_REQUEST, request));
            return;
        }
        String host = source.getAddress().getHostAddress();
        DigestCredentials credentials = digest.credentials(request, false, auth.realm());
        switch (auth.authenticate(credentials, Request.REGISTER, host)) {
            case CHALLENGE -> {
                sip.send(transaction, digest.challenge(request, false, auth.realm(), auth.newNonce(), false));
                return;
            }
            case STALE -> {
                sip.send(transaction, digest.challenge(request, false, auth.realm(), auth.newNonce(), true));
                return;
            }
            case FORBIDDEN -> {
                sip.send(transaction, sip.response(Response.FORBIDDEN, request));
                return;
            }
            case OK -> {
                // go on
            }
        }
        if (!aor.getUser().equals(credentials.username())) {
            LOG.info("REGISTER from {}: user {} may not register {}", host, credentials.username(), aor.getUser());
            sip.send(transaction, sip.response(Response.FORBIDDEN, request));
            return;
        }
        List<ContactUpdate> contacts = new ArrayList<>();
        boolean wildcard = false;
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers != null && headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            if (contact.isWildCard()) {
                wildcard = true;
            } else {
                contacts.add(new ContactUpdate(contact.getAddress().getURI().toString(), contact.getExpires()));
            }
        }
        ExpiresHeader expires = request.getExpires();
        String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(java.util.Locale.ROOT);
        RegisterResult result = registrar.register(aor.getUser(), contacts, wildcard,
                expires == null ? -1 : expires.getExpires(),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
                host + ":" + source.getPort(), transport);
        sip.send(transaction, response(request, result));
    }

    private Response response(Request request, RegisterResult result) {
        try {
            if (result instanceof RegisterResult.TooBrief brief) {
                Response response = sip.response(Response.INTERVAL_TOO_BRIEF, request);
                response.addHeader(sip.headers.createMinExpiresHeader(brief.minExpires()));
                return response;
            }
            if (result instanceof RegisterResult.Invalid invalid) {
                LOG.info("REGISTER refused: {}", invalid.reason());
                return sip.response(Response.BAD_REQUEST, request);
            }
            Response ok = sip.response(Response.OK, request);
            for (Binding binding : ((RegisterResult.Accepted) result).bindings()) {
                ContactHeader contact = sip.headers.createContactHeader(
                        sip.addresses.createAddress(sip.addresses.createURI(binding.contact())));
                long seconds = Math.max(0, Duration.between(clock.instant(), binding.expires()).toSeconds());
                contact.setExpires((int) seconds);
                ok.addHeader(contact);
            }
            return ok;
        } catch (ParseException | InvalidArgumentException e) {
            LOG.warn("Could not build the REGISTER response", e);
            return sip.response(Response.SERVER_INTERNAL_ERROR, request);
        }
    }
}
