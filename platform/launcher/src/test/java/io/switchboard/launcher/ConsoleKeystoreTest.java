package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleKeystoreTest {

    private static final int DNS = 2;
    private static final int IP = 7;

    @TempDir
    Path temp;

    private DataDirectory firstStart() throws Exception {
        DataDirectory data = new DataDirectory(temp.resolve("var"));
        data.create();
        return data;
    }

    @Test
    void firstStartMakesAKeyStoreThatOpensWithTheStoredPassword() throws Exception {
        DataDirectory data = firstStart();
        var keystore = new ConsoleKeystore(data);

        assertThat(keystore.ensure("pbx01.bank.example", "0.0.0.0")).isTrue();

        KeyStore store = KeyStore.getInstance("PKCS12");
        String password = Files.readString(data.keystorePassword()).strip();
        try (var in = Files.newInputStream(data.keystore())) {
            store.load(in, password.toCharArray());
        }
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(store.getKey(ConsoleKeystore.ALIAS, password.toCharArray())).isInstanceOf(PrivateKey.class);
        X509Certificate certificate = (X509Certificate) store.getCertificate(ConsoleKeystore.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=pbx01.bank.example");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void thePasswordAndTheStoreAreForTheOwnerOnly() throws Exception {
        DataDirectory data = firstStart();
        new ConsoleKeystore(data).ensure("pbx01", "0.0.0.0");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.keystorePassword())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.keystore())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.tls())))
                .isEqualTo("rwx------");
    }

    @Test
    void aLaterStartKeepsTheExistingKeyStore() throws Exception {
        DataDirectory data = firstStart();
        var keystore = new ConsoleKeystore(data);
        keystore.ensure("pbx01", "0.0.0.0");
        byte[] store = Files.readAllBytes(data.keystore());
        String password = Files.readString(data.keystorePassword());

        assertThat(keystore.ensure("renamed-host", "10.0.0.1")).isFalse();

        assertThat(Files.readAllBytes(data.keystore())).isEqualTo(store);
        assertThat(Files.readString(data.keystorePassword())).isEqualTo(password);
        keystore.checkExisting();
    }

    @Test
    void theCertificateNamesHostLocalhostLoopbackAndASpecificBindAddress() throws Exception {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        X509Certificate certificate = SelfSignedCertificate
                .generate("pbx01", "10.1.2.3", now, new java.security.SecureRandom()).certificate();

        assertThat(alternativeNames(certificate)).containsExactlyInAnyOrder(
                List.of(DNS, "pbx01"), List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"), List.of(IP, "10.1.2.3"));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(3650)));
        assertThat(certificate.getNotBefore().toInstant()).isBefore(now);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        certificate.checkValidity(java.util.Date.from(now.plus(Duration.ofDays(3649))));
    }

    @Test
    void theWildcardBindAddressIsNotANameOfTheCertificate() throws Exception {
        X509Certificate certificate = SelfSignedCertificate
                .generate("pbx01", "0.0.0.0", Instant.now(), new java.security.SecureRandom()).certificate();

        assertThat(alternativeNames(certificate)).containsExactlyInAnyOrder(
                List.of(DNS, "pbx01"), List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"));
    }

    private static Collection<List<?>> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames();
    }
}
