package dev.weir.engine.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this Weir, as the build wrote it into {@code weir-version.properties}: what the dashboard, the REST
 * API and the {@code weir} command report, so that no module keeps a copy of the version that a release forgets.
 */
public final class WeirVersion {
    private static final String VERSION = read();

    private WeirVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = WeirVersion.class.getResourceAsStream("weir-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("weir-version.properties is missing next to " + WeirVersion.class.getName()
                        + ": weir-core was built without its filtered resources; build it with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
