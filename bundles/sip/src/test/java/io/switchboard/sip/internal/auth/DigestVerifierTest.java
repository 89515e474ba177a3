package io.switchboard.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestVerifierTest {

    private final DigestVerifier verifier = new DigestVerifier();

    /** RFC 2617 §3.5's worked example. */
    private static final String HA1 = Hashes.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");

    private static DigestCredentials rfcExample(String response) {
        return new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", response, null, "0a4f113b", "00000001", "auth");
    }

    @Test
    void acceptsTheRfcExample() {
        assertThat(verifier.verify(rfcExample("6629fae49393a05397450978507c4ef1"), "GET", HA1)).isTrue();
    }

    @Test
    void acceptsUpperCaseHex() {
        assertThat(verifier.verify(rfcExample("6629FAE49393A05397450978507C4EF1"), "GET", HA1)).isTrue();
    }

    @Test
    void refusesAWrongResponseAnotherMethodOrAnotherHa1() {
        assertThat(verifier.verify(rfcExample("6629fae49393a05397450978507c4ef2"), "GET", HA1)).isFalse();
        assertThat(verifier.verify(rfcExample("6629fae49393a05397450978507c4ef1"), "POST", HA1)).isFalse();
        String other = Hashes.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "wrong");
        assertThat(verifier.verify(rfcExample("6629fae49393a05397450978507c4ef1"), "GET", other)).isFalse();
    }

    @Test
    void acceptsRfc2069WithoutQop() {
        String ha2 = Hashes.md5("REGISTER:sip:switchboard");
        String response = Hashes.md5(HA1 + ":n1:" + ha2);
        var credentials = new DigestCredentials("Mufasa", "testrealm@host.com", "n1", "sip:switchboard", response,
                "MD5", null, null, null);

        assertThat(verifier.verify(credentials, "REGISTER", HA1)).isTrue();
    }

    @Test
    void refusesQopAuthWithoutCnonceAndUnknownQopOrAlgorithm() {
        assertThat(verifier.verify(new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", null, null, "00000001", "auth"), "GET", HA1)).isFalse();
        assertThat(verifier.verify(new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", null, "0a4f113b", "00000001", "auth-int"), "GET", HA1)).isFalse();
        assertThat(verifier.verify(new DigestCredentials("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", "SHA-512", "0a4f113b", "00000001", "auth"), "GET", HA1)).isFalse();
    }

    @Test
    void verifiesSha256WithItsOwnHa1() {
        String ha1 = Hashes.ha1(DigestAlgorithm.SHA_256, "1001", "switchboard", "demo-1001");
        String ha2 = Hashes.sha256("REGISTER:sip:127.0.0.1");
        String response = Hashes.sha256(ha1 + ":n:00000001:c:auth:" + ha2);
        var credentials = new DigestCredentials("1001", "switchboard", "n", "sip:127.0.0.1", response, "SHA-256", "c",
                "00000001", "auth");

        assertThat(verifier.verify(credentials, "REGISTER", ha1)).isTrue();
    }

    @Test
    void credentialsNeverPrintTheResponse() {
        assertThat(rfcExample("6629fae49393a05397450978507c4ef1").toString()).doesNotContain("6629fae4");
    }
}
