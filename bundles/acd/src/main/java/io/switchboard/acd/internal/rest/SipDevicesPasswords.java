package io.switchboard.acd.internal.rest;

import io.switchboard.sip.api.SipDeviceException;
import io.switchboard.sip.api.SipDevices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link SipPasswords} through the SIP driver; active only while the driver offers {@link SipDevices}. */
@Component(service = SipPasswords.class)
public final class SipDevicesPasswords implements SipPasswords {

    private final SipDevices devices;

    @Activate
    public SipDevicesPasswords(@Reference SipDevices devices) {
        this.devices = devices;
    }

    @Override
    public void set(String sipUser, String password) {
        try {
            devices.setPassword(sipUser, password);
        } catch (SipDeviceException e) {
            // the driver's message names the user or the database, never the password
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
