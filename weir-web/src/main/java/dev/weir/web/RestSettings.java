package dev.weir.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where and how the REST API listens, with Flink's keys where Flink has one: {@code rest.bind-address} (default
 * 127.0.0.1: only this machine), {@code rest.address} (the name clients use, accepted as {@code Host} besides the
 * loopback names), {@code state.savepoints.dir} (the only folder savepoints requested over REST may go under; default
 * {@code weir-savepoints} in the working directory), and Weir's own {@code rest.auth.token} (a bearer token that
 * mutating calls must send; generated when the API listens beyond loopback and none is set).
 *
 * @param tokenGenerated whether {@link #authToken} was generated here, to be shown once at start-up
 */
public record RestSettings(String bindAddress, int port, String address, Path savepointRoot, String authToken, boolean tokenGenerated,
                           long sampleMillis) {
    public static final String BIND_ADDRESS = "rest.bind-address";
    public static final String ADDRESS = "rest.address";
    public static final String SAVEPOINT_DIRECTORY = "state.savepoints.dir";
    public static final String AUTH_TOKEN = "rest.auth.token";
    static final String LOOPBACK = "127.0.0.1";

    public RestSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(savepointRoot, "savepointRoot");
        savepointRoot = savepointRoot.toAbsolutePath().normalize();
        if (authToken != null && authToken.isBlank()) {
            authToken = null;
        }
    }

    /** The settings given as system properties ({@code -Drest.bind-address=...}), on {@code port}. */
    public static RestSettings fromSystemProperties(int port) {
        return new RestSettings(System.getProperty(BIND_ADDRESS, LOOPBACK), port, System.getProperty(ADDRESS),
                Path.of(System.getProperty(SAVEPOINT_DIRECTORY, "weir-savepoints")), System.getProperty(AUTH_TOKEN), false, 1000);
    }

    /** These settings listening on {@code bind} instead (an explicit {@code --bind}). */
    public RestSettings withBindAddress(String bind) {
        return new RestSettings(bind, port, address, savepointRoot, authToken, tokenGenerated, sampleMillis);
    }

    /** These settings sampling the jobs' counters every {@code millis}. */
    public RestSettings withSampleMillis(long millis) {
        return new RestSettings(bindAddress, port, address, savepointRoot, authToken, tokenGenerated, millis);
    }

    /** These settings requiring {@code token} (null: none). */
    public RestSettings withAuthToken(String token) {
        return new RestSettings(bindAddress, port, address, savepointRoot, token, false, sampleMillis);
    }

    /** These settings with savepoints confined to {@code root}. */
    public RestSettings withSavepointRoot(Path root) {
        return new RestSettings(bindAddress, port, address, root, authToken, tokenGenerated, sampleMillis);
    }

    /** Whether only this machine can connect. */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot resolve the REST bind address '" + bindAddress + "' (" + BIND_ADDRESS
                    + " / --bind): pass an address of this machine, e.g. 127.0.0.1 or 0.0.0.0", e);
        }
    }

    /**
     * These settings, with a token generated when the API listens beyond loopback and none was configured: an open
     * port must not let anyone who reaches it cancel or stop jobs.
     */
    RestSettings withTokenIfExposed() {
        if (authToken != null || isLoopback()) {
            return this;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new RestSettings(bindAddress, port, address, savepointRoot, HexFormat.of().formatHex(bytes), true, sampleMillis);
    }
}
