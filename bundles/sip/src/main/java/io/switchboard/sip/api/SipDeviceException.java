package io.switchboard.sip.api;

/** A device could not be read or changed (invalid user name, the database failed). */
public class SipDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SipDeviceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SipDeviceException(String message) {
        super(message);
    }
}
