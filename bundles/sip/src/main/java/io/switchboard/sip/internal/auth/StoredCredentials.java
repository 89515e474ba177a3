package io.switchboard.sip.internal.auth;

/** A device's stored hashes; {@code ha1Sha256} may be null for devices made before it was kept. */
public record StoredCredentials(String user, String realm, String ha1Md5, String ha1Sha256) {

    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? ha1Md5 : ha1Sha256;
    }

    @Override
    public String toString() {
        return "StoredCredentials[user=" + user + ", realm=" + realm + "]";
    }
}
