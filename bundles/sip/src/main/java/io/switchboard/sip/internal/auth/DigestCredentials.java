package io.switchboard.sip.internal.auth;

/**
 * The parameters of an Authorization or Proxy-Authorization header (RFC 7616). Holds the client's
 * response: never log it.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String nonceCount, String qop) {

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + "]";
    }
}
