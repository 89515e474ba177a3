package io.switchboard.acd.internal.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The one-parameter statements the row classes share. */
final class Sql {

    private Sql() {
    }

    static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static int update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, parameter);
            return update.executeUpdate();
        }
    }
}
