package io.switchboard.sip.internal;

import io.switchboard.sip.api.SipDevice;
import io.switchboard.sip.api.SipDeviceException;
import io.switchboard.sip.api.SipDevices;
import io.switchboard.sip.internal.registrar.Binding;
import io.switchboard.sip.internal.registrar.DeviceTable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link SipDevices} over the device table and the registrar of a running engine. Stateless. */
final class DeviceService implements SipDevices {

    private final SipEngine engine;

    DeviceService(SipEngine engine) {
        this.engine = engine;
    }

    @Override
    public void setPassword(String user, String password) throws SipDeviceException {
        if (!DeviceTable.validUser(user)) {
            throw new SipDeviceException("not a valid SIP user: " + user);
        }
        if (password == null || password.isEmpty()) {
            throw new SipDeviceException("the password is empty");
        }
        try {
            engine.devices().setPassword(user, engine.realm(), password);
        } catch (SQLException e) {
            throw new SipDeviceException("could not store device " + user, e);
        }
    }

    @Override
    public boolean remove(String user) throws SipDeviceException {
        try {
            boolean removed = engine.devices().remove(user);
            engine.registrar().forget(user);
            return removed;
        } catch (SQLException e) {
            throw new SipDeviceException("could not remove device " + user, e);
        }
    }

    @Override
    public List<SipDevice> list() throws SipDeviceException {
        try {
            Map<String, List<Binding>> live = engine.registrar().all();
            List<SipDevice> result = new ArrayList<>();
            for (String user : engine.devices().users()) {
                result.add(new SipDevice(user, live.getOrDefault(user, List.of()).stream().map(Binding::toApi).toList()));
            }
            return result;
        } catch (SQLException e) {
            throw new SipDeviceException("could not list devices", e);
        }
    }
}
