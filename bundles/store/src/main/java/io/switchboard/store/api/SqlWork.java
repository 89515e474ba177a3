package io.switchboard.store.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work; must not commit, roll back or close the connection it is given, nor
 * keep it, or a statement or result set from it, after returning. Savepoints of its own are fine.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
