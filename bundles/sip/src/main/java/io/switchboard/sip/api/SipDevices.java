package io.switchboard.sip.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The SIP devices (agent phones) that may register with the appliance, provided by the SIP driver.
 * A device's digest user is its id; only realm-bound hashes of its password are stored.
 */
@ProviderType
public interface SipDevices {

    /** Creates the device or replaces its password. */
    void setPassword(String user, String password) throws SipDeviceException;

    /** Removes the device and its registrations; false when there was none. */
    boolean remove(String user) throws SipDeviceException;

    /** Every device, each with its live (unexpired) registrations. */
    List<SipDevice> list() throws SipDeviceException;
}
