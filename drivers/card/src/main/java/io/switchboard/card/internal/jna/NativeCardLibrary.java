package io.switchboard.card.internal.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads a voice-card library with the {@code simcard.h} API and binds {@link SimcardNative} to it.
 * Either a vendor's library at a configured path, or the simulator card embedded in this bundle:
 * that one is copied out of the bundle into a directory the appliance owns (its data directory,
 * not {@code /tmp}, which appliances often mount noexec), under a name with its digest so an
 * upgraded bundle never runs a stale copy.
 *
 * <p>Direct mapping binds the class's native methods once per class loader; one bundle uses one
 * card library at a time.
 */
public final class NativeCardLibrary {

    /** Where the simulator library sits in the bundle (JNA's resource prefix for this platform). */
    public static final String EMBEDDED_RESOURCE = "linux-x86-64/libswitchboard_simcard.so";
    public static final int API_VERSION = 1;

    private final String path;

    private NativeCardLibrary(String path) {
        this.path = path;
    }

    /**
     * @param configured  a vendor library to load, or null for the embedded simulator
     * @param resources   the class loader holding {@link #EMBEDDED_RESOURCE}
     * @param extractDir  where the embedded library is copied to (created if missing)
     */
    public static NativeCardLibrary load(Path configured, ClassLoader resources, Path extractDir)
            throws CardUnavailableException {
        Path library = configured != null ? configured : extract(resources, extractDir);
        if (!Files.isRegularFile(library)) {
            throw new CardUnavailableException("no card library at " + library, null);
        }
        synchronized (SimcardNative.class) {
            try {
                NativeLibrary nativeLibrary = NativeLibrary.getInstance(library.toAbsolutePath().toString());
                Native.register(SimcardNative.class, nativeLibrary);
            } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
                throw new CardUnavailableException("cannot load the card library " + library + ": "
                        + firstLine(e.getMessage()), e);
            }
        }
        int version = SimcardNative.sc_api_version();
        if (version != API_VERSION) {
            throw new CardUnavailableException("the card library " + library + " has API version " + version
                    + "; this driver needs " + API_VERSION, null);
        }
        return new NativeCardLibrary(library.toString());
    }

    /** The loaded library's file. */
    public String path() {
        return path;
    }

    /** Opens a card: {@code control=PATH;spans=N;analog=N} for the simulator. */
    public OpenCard open(String config) throws CardException {
        int handle = SimcardNative.sc_open(config);
        if (handle < 0) {
            throw new CardException(handle, "opening the card (" + config + ") failed: " + reason(handle));
        }
        return new OpenCard(handle);
    }

    static String reason(int code) {
        String reason = SimcardNative.sc_strerror(code);
        return reason == null ? "error " + code : reason;
    }

    private static Path extract(ClassLoader resources, Path extractDir) throws CardUnavailableException {
        byte[] library;
        try (InputStream in = resources.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new CardUnavailableException("the bundle has no " + EMBEDDED_RESOURCE
                        + " (the simulator card is built for linux-x86-64 only)", null);
            }
            library = in.readAllBytes();
        } catch (IOException e) {
            throw new CardUnavailableException("cannot read " + EMBEDDED_RESOURCE + ": " + e.getMessage(), e);
        }
        Path target = extractDir.resolve("libswitchboard_simcard-" + digest(library) + ".so");
        try {
            if (Files.isRegularFile(target) && Files.size(target) == library.length) {
                return target;
            }
            Files.createDirectories(extractDir);
            Path partial = Files.createTempFile(extractDir, "libswitchboard_simcard", ".part");
            Files.write(partial, library);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new CardUnavailableException("cannot copy the card library to " + extractDir + ": " + e, e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
