package io.switchboard.sip.internal.registrar;

import io.switchboard.store.api.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bindings in {@code sip_registration}. Writes are queued to the store and not waited for: a
 * REGISTER is answered from memory, and a lost write costs at most one re-registration.
 */
public final class RegistrationTable implements BindingStore {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationTable.class);

    private final Database database;

    public RegistrationTable(Database database) {
        this.database = database;
    }

    @Override
    public List<Binding> loadUnexpired(Instant now) {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT username, contact, transport, source, call_id, cseq, expires_at"
                                + " FROM sip_registration WHERE expires_at > ?")) {
                    select.setString(1, Timestamps.format(now));
                    List<Binding> bindings = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            bindings.add(new Binding(rows.getString(1), rows.getString(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5), rows.getLong(6),
                                    Timestamps.parse(rows.getString(7))));
                        }
                    }
                    return bindings;
                }
            });
        } catch (SQLException e) {
            LOG.warn("Could not load SIP registrations; devices must register again", e);
            return List.of();
        }
    }

    @Override
    public void save(Binding b) {
        logFailure(database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO sip_registration (username, contact, transport, source, call_id, cseq, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username, contact) DO UPDATE SET"
                            + " transport = excluded.transport, source = excluded.source,"
                            + " call_id = excluded.call_id, cseq = excluded.cseq, expires_at = excluded.expires_at")) {
                upsert.setString(1, b.user());
                upsert.setString(2, b.contact());
                upsert.setString(3, b.transport());
                upsert.setString(4, b.source());
                upsert.setString(5, b.callId());
                upsert.setLong(6, b.cseq());
                upsert.setString(7, Timestamps.format(b.expires()));
                return upsert.executeUpdate();
            }
        }), "save", b.user());
    }

    @Override
    public void delete(String user, String contact) {
        logFailure(database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sip_registration WHERE username = ? AND contact = ?")) {
                delete.setString(1, user);
                delete.setString(2, contact);
                return delete.executeUpdate();
            }
        }), "delete", user);
    }

    @Override
    public void deleteExpired(Instant now) {
        logFailure(database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sip_registration WHERE expires_at <= ?")) {
                delete.setString(1, Timestamps.format(now));
                return delete.executeUpdate();
            }
        }), "purge", "*");
    }

    private static void logFailure(CompletionStage<Integer> stage, String what, String user) {
        stage.whenComplete((rows, failure) -> {
            if (failure != null) {
                LOG.warn("Could not {} SIP registration of {}", what, user, failure);
            }
        });
    }
}
