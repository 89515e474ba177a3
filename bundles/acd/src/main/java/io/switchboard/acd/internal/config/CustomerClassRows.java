package io.switchboard.acd.internal.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code acd_customer_class} table. Stateless. */
final class CustomerClassRows {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerClassRows.class);

    /** Every class, highest priority first; a row that is no longer valid is logged and left out. */
    List<CustomerClass> all(Connection connection) throws SQLException {
        List<CustomerClass> classes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, priority FROM acd_customer_class ORDER BY priority DESC, id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                try {
                    classes.add(new CustomerClass(row.getString(1), row.getString(2), row.getInt(3)));
                } catch (InvalidConfigException e) {
                    LOG.warn("Customer class {} in the database is not valid and is left out: {}", row.getString(1),
                            e.getMessage());
                }
            }
        }
        return classes;
    }

    boolean exists(Connection connection, String id) throws SQLException {
        return Sql.exists(connection, "SELECT 1 FROM acd_customer_class WHERE id = ?", id);
    }

    void insert(Connection connection, CustomerClass customerClass) throws SQLException {
        write(connection, "INSERT INTO acd_customer_class (name, priority, id) VALUES (?, ?, ?)", customerClass);
    }

    void update(Connection connection, CustomerClass customerClass) throws SQLException {
        write(connection, "UPDATE acd_customer_class SET name = ?, priority = ? WHERE id = ?", customerClass);
    }

    boolean delete(Connection connection, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM acd_customer_class WHERE id = ?", id) > 0;
    }

    private static void write(Connection connection, String sql, CustomerClass customerClass) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerClass.name());
            statement.setInt(2, customerClass.priority());
            statement.setString(3, customerClass.id());
            statement.executeUpdate();
        }
    }
}
