package io.switchboard.launcher.deploy;

/** A framework action of the deployer failed; the message names the bundle and the jar. */
public final class DeployException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
