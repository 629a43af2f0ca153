package dev.weir.jdbc;

import dev.weir.connector.jdbc.JdbcConnectionOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens the sink's connection from {@link JdbcConnectionOptions}, loading the named driver first. */
public final class Connections {
    private Connections() {
    }

    public static Connection open(JdbcConnectionOptions options) throws SQLException {
        String driver = options.getDriverName();
        if (driver != null) {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Class.forName(driver, true, loader != null ? loader : Connections.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new SQLException("The JDBC driver class " + driver + " (withDriverName) is not on the class path; add the "
                        + "driver's jar (e.g. org.postgresql:postgresql) to the job's dependencies", e);
            }
        }
        try {
            return DriverManager.getConnection(options.getDbURL(), options.getProperties());
        } catch (SQLException e) {
            throw new SQLException("Could not connect to " + options.getDbURL() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
