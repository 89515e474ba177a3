package io.switchboard.sip.internal;

import io.switchboard.store.api.Database;
import io.switchboard.sip.internal.registrar.DeviceTable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

/**
 * The contract's demo devices 1001–1005 (password {@code demo-<id>}), added on the first start of
 * a database only, so an operator who removes them does not see them come back.
 */
final class DemoDevices {

    static final String[] USERS = {"1001", "1002", "1003", "1004", "1005"};

    private DemoDevices() {
    }

    static void addOnce(Database database, DeviceTable devices, String realm) throws SQLException {
        boolean first;
        try {
            first = database.write(connection -> {
                try (PreparedStatement mark = connection.prepareStatement(
                        "INSERT INTO sip_meta (name, value) VALUES ('demo_devices', 'added') ON CONFLICT DO NOTHING")) {
                    return mark.executeUpdate() > 0;
                }
            }).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException("marking demo devices", e.getCause());
        }
        if (first) {
            for (String user : USERS) {
                devices.addIfAbsent(user, realm, "demo-" + user);
            }
        }
    }
}
