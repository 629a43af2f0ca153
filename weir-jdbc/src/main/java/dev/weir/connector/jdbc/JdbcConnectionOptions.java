package dev.weir.connector.jdbc;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the JDBC sink connects, as Flink's: the URL, the driver class (optional with a JDBC 4 driver on the class
 * path), the user and password, extra driver properties, and how long a connection check may take.
 */
public class JdbcConnectionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final String url;
    protected final String driverName;
    protected final int connectionCheckTimeoutSeconds;
    protected final String username;
    protected final String password;
    protected final Properties properties;

    protected JdbcConnectionOptions(String url, String driverName, String username, String password,
            int connectionCheckTimeoutSeconds, Properties properties) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("JdbcConnectionOptions: no JDBC URL; call withUrl(\"jdbc:postgresql://host:5432/db\")");
        }
        if (connectionCheckTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("JdbcConnectionOptions: the connection check timeout must be positive, got "
                    + connectionCheckTimeoutSeconds + " s");
        }
        this.url = url;
        this.driverName = driverName;
        this.username = username;
        this.password = password;
        this.connectionCheckTimeoutSeconds = connectionCheckTimeoutSeconds;
        this.properties = properties;
    }

    public String getDbURL() {
        return url;
    }

    /** The driver class, or null to let {@code DriverManager} find the driver for the URL. */
    public String getDriverName() {
        return driverName;
    }

    public Optional<String> getUsername() {
        return Optional.ofNullable(username);
    }

    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    public int getConnectionCheckTimeoutSeconds() {
        return connectionCheckTimeoutSeconds;
    }

    /** The driver properties, the user and password included when set. */
    public Properties getProperties() {
        Properties all = new Properties();
        all.putAll(properties);
        if (username != null) {
            all.setProperty("user", username);
        }
        if (password != null) {
            all.setProperty("password", password);
        }
        return all;
    }

    /** Builds {@link JdbcConnectionOptions}: {@code new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(...)...build()}. */
    public static class JdbcConnectionOptionsBuilder {
        private String url;
        private String driverName;
        private String username;
        private String password;
        private int connectionCheckTimeoutSeconds = 60;
        private final Properties properties = new Properties();

        public JdbcConnectionOptionsBuilder withUrl(String url) {
            this.url = url;
            return this;
        }

        public JdbcConnectionOptionsBuilder withDriverName(String driverName) {
            this.driverName = driverName;
            return this;
        }

        public JdbcConnectionOptionsBuilder withUsername(String username) {
            this.username = username;
            return this;
        }

        public JdbcConnectionOptionsBuilder withPassword(String password) {
            this.password = password;
            return this;
        }

        public JdbcConnectionOptionsBuilder withConnectionCheckTimeoutSeconds(int seconds) {
            this.connectionCheckTimeoutSeconds = seconds;
            return this;
        }

        public JdbcConnectionOptionsBuilder withProperty(String name, String value) {
            properties.setProperty(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public JdbcConnectionOptions build() {
            Properties copy = new Properties();
            copy.putAll(properties);
            return new JdbcConnectionOptions(url, driverName, username, password, connectionCheckTimeoutSeconds, copy);
        }
    }
}
