package io.switchboard.launcher.deploy;

import java.nio.file.Path;

/** Reads the Bundle-SymbolicName of a jar, or says why the file is not a bundle jar. */
@FunctionalInterface
public interface BundleJarReader {

    String symbolicName(Path jar) throws InvalidBundleJarException;

    /** The file is not (yet) a readable jar with a Bundle-SymbolicName. */
    final class InvalidBundleJarException extends Exception {

        private static final long serialVersionUID = 1L;

        public InvalidBundleJarException(String message) {
            super(message);
        }

        public InvalidBundleJarException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
