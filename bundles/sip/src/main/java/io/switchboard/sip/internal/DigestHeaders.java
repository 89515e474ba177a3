package io.switchboard.sip.internal;

import io.switchboard.sip.internal.auth.DigestCredentials;
import io.switchboard.sip.internal.stack.SipMessages;
import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Reads digest credentials out of requests and writes challenges into responses. Stateless. */
final class DigestHeaders {

    private final SipMessages sip;

    DigestHeaders(SipMessages sip) {
        this.sip = sip;
    }

    /**
     * The credentials for our realm from Authorization (REGISTER) or Proxy-Authorization (INVITE),
     * or null when there are none.
     */
    DigestCredentials credentials(Request request, boolean proxy, String realm) {
        ListIterator<?> headers = request.getHeaders(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
        while (headers != null && headers.hasNext()) {
            Object header = headers.next();
            if (header instanceof AuthorizationHeader h && "Digest".equalsIgnoreCase(h.getScheme())
                    && realm.equals(unquote(h.getParameter("realm")))) {
                return new DigestCredentials(unquote(h.getParameter("username")), realm,
                        unquote(h.getParameter("nonce")), unquote(h.getParameter("uri")),
                        unquote(h.getParameter("response")), unquote(h.getParameter("algorithm")),
                        unquote(h.getParameter("cnonce")), unquote(h.getParameter("nc")),
                        unquote(h.getParameter("qop")));
            }
        }
        return null;
    }

    /** 401 (REGISTER) or 407 (INVITE) with a fresh nonce. */
    Response challenge(Request request, boolean proxy, String realm, String nonce, boolean stale) {
        Response response = sip.response(proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED,
                request);
        try {
            Header header;
            if (proxy) {
                ProxyAuthenticateHeader h = sip.headers.createProxyAuthenticateHeader("Digest");
                h.setRealm(realm);
                h.setNonce(nonce);
                h.setAlgorithm("MD5");
                h.setQop("auth");
                h.setStale(stale);
                header = h;
            } else {
                WWWAuthenticateHeader h = sip.headers.createWWWAuthenticateHeader("Digest");
                h.setRealm(realm);
                h.setNonce(nonce);
                h.setAlgorithm("MD5");
                h.setQop("auth");
                h.setStale(stale);
                header = h;
            }
            response.addHeader(header);
        } catch (ParseException e) {
            throw new IllegalStateException("challenge", e);
        }
        return response;
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
