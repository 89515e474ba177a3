package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * The console's TLS key store: {@code tls/console.p12} (PKCS#12) and its password in
 * {@code tls/console.pass} (owner-only). Made once on the first start and kept afterwards, so an
 * operator may replace both with a certificate of their own.
 */
public final class ConsoleKeystore {

    public static final String TYPE = "PKCS12";
    public static final String ALIAS = "console";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final DataDirectory dataDirectory;

    public ConsoleKeystore(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public Path keystore() {
        return dataDirectory.keystore();
    }

    /** Fails when a key store is there but unusable: starting would leave HTTPS dead. */
    public void checkExisting() throws PreflightException {
        boolean storeExists = Files.exists(keystore());
        boolean passwordExists = Files.exists(dataDirectory.keystorePassword());
        if (!storeExists && !passwordExists) {
            return;
        }
        if (storeExists != passwordExists) {
            Path missing = storeExists ? dataDirectory.keystorePassword() : keystore();
            throw new PreflightException("console key store is incomplete: " + missing + " is missing");
        }
        try {
            load(readPassword());
        } catch (IOException | GeneralSecurityException e) {
            throw new PreflightException("cannot open " + keystore() + " with the password in "
                    + dataDirectory.keystorePassword() + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether a new certificate was made (false: both files were there already). */
    public boolean ensure(String hostName, String bindAddress) throws IOException, GeneralSecurityException {
        if (Files.exists(keystore()) && Files.exists(dataDirectory.keystorePassword())) {
            return false;
        }
        SecureRandom random = new SecureRandom();
        char[] password = newPassword(random);
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(hostName, bindAddress, Instant.now(),
                random);
        KeyStore store = KeyStore.getInstance(TYPE);
        store.load(null, null);
        store.setKeyEntry(ALIAS, certificate.keyPair().getPrivate(), password,
                new Certificate[] {certificate.certificate()});
        // Password first: a store without its password would be refused at the next start.
        writeOwnerOnly(dataDirectory.keystorePassword(),
                new String(password).getBytes(StandardCharsets.US_ASCII));
        try (OutputStream out = Files.newOutputStream(keystore(), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            store.store(out, password);
        }
        restrictToOwner(keystore());
        return true;
    }

    public String readPassword() throws IOException {
        return Files.readString(dataDirectory.keystorePassword(), StandardCharsets.US_ASCII).strip();
    }

    public KeyStore load(String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(keystore())) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static char[] newPassword(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try {
            // Created with 0600 from the start, so the password is never readable by others.
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            restrictToOwner(file);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
