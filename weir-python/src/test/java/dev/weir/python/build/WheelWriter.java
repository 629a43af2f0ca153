package dev.weir.python.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the pure-Python wheel {@code weir-VERSION-py3-none-any.whl} (PEP 427: the package, then the dist-info's
 * METADATA, WHEEL and RECORD with each file's SHA-256), so {@code pip install --no-index} installs Weir's Python API
 * offline, without the {@code wheel} package or any build backend. Run by the build (exec-maven-plugin, package phase).
 */
public final class WheelWriter {
    private WheelWriter() {
    }

    /** Arguments: the Python sources' root (holding {@code weir/}), the output directory, the PEP 440 version. */
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path sources = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String version = args[2];
        String distInfo = "weir-" + version + ".dist-info/";
        Path wheel = target.resolve("weir-" + version + "-py3-none-any.whl");
        Files.createDirectories(target);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources.resolve("weir"))) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
        }
        StringBuilder record = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (Path file : files) {
                String name = sources.relativize(file).toString().replace('\\', '/');
                add(zip, name, Files.readAllBytes(file), record);
            }
            add(zip, distInfo + "METADATA", ("Metadata-Version: 2.1\nName: weir\nVersion: " + version + "\n"
                    + "Summary: Weir's Python API: PyFlink's DataStream API (pyflink. becomes weir.) on the Weir engine\n"
                    + "Requires-Python: >=3.9\n").getBytes(StandardCharsets.UTF_8), record);
            add(zip, distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: weir-build\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8), record);
            add(zip, distInfo + "top_level.txt", "weir\n".getBytes(StandardCharsets.UTF_8), record);
            record.append(distInfo).append("RECORD,,\n");
            zip.putNextEntry(new ZipEntry(distInfo + "RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content, StringBuilder record)
            throws IOException, NoSuchAlgorithmException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content);
        zip.closeEntry();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
        record.append(name).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                .append(',').append(content.length).append('\n');
    }
}
