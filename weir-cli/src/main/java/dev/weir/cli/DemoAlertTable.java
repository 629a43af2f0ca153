package dev.weir.cli;

import dev.weir.connector.jdbc.JdbcExactlyOnceOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.connector.jdbc.JdbcSink;
import dev.weir.examples.anomaly.Alert;
import dev.weir.streaming.api.datastream.DataStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The demo's alert table on PostgreSQL ({@code --jdbc-url} or {@code --embedded-postgres}): the alerts are written
 * exactly once with {@link JdbcSink#exactlyOnceSink} (XA, committed when a checkpoint completes), into {@value #TABLE},
 * whose primary key would refuse a duplicate.
 */
final class DemoAlertTable {
    static final String TABLE = "weir_demo_alerts";

    private DemoAlertTable() {
    }

    /** Refuses a URL the demo cannot write exactly once to, before anything starts. */
    static void checkUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CliFailure(2, "--jdbc-url must be a PostgreSQL URL (jdbc:postgresql://host:5432/db?user=...&password=...): "
                    + "the demo writes its alerts exactly once through PostgreSQL's XA data source; got " + url);
        }
    }

    /** Creates the table if there is none (the URL names the database, user and password). */
    static void createTable(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (sensor_id INT NOT NULL, event_time TIMESTAMP(3) NOT NULL, "
                    + "reading DOUBLE PRECISION NOT NULL, mean DOUBLE PRECISION NOT NULL, sigma DOUBLE PRECISION NOT NULL, "
                    + "PRIMARY KEY (sensor_id, event_time))");
        } catch (SQLException e) {
            throw new CliFailure(2, "Could not create the table " + TABLE + " at " + url + ": " + e.getMessage()
                    + ". Check the URL, the user's rights, and that PostgreSQL is reachable.");
        }
    }

    /** Writes the alerts to the table, exactly once. */
    static void add(DataStream<Alert> alerts, String url) {
        alerts.addSink(JdbcSink.exactlyOnceSink(
                "INSERT INTO " + TABLE + " (sensor_id, event_time, reading, mean, sigma) VALUES (?, ?, ?, ?, ?)",
                (ps, a) -> {
                    ps.setInt(1, a.sensorId());
                    // The event time in UTC, whatever the JVM's zone.
                    ps.setObject(2, LocalDateTime.ofInstant(Instant.ofEpochMilli(a.timestamp()), ZoneOffset.UTC));
                    ps.setDouble(3, a.value());
                    ps.setDouble(4, a.mean());
                    ps.setDouble(5, a.sigma());
                },
                JdbcExecutionOptions.builder().withBatchSize(100).withMaxRetries(0).build(), JdbcExactlyOnceOptions.defaults(),
                () -> xaDataSource(url))).name("Alerts to PostgreSQL").uid("alerts-jdbc").setParallelism(1);
    }

    private static XADataSource xaDataSource(String url) {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(url);
        return ds;
    }
}
