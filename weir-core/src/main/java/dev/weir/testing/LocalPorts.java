package dev.weir.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on the loopback interface for a test's servers (a broker, a dashboard, a cluster) to bind a moment
 * later.
 *
 * <p>Binding port 0 and closing the socket finds a free port, but the kernel may hand that same number out again to
 * the next port-0 bind or outgoing connection before the server binds it (a client's connection, another server's own
 * port-0 socket), and the server then fails with "Address already in use". So on Linux a port is chosen at random below
 * the kernel's ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}), which the kernel never hands out by
 * itself, and checked free with a bind. Where there is no such range, it falls back to port 0.
 */
public final class LocalPorts {
    /** The lowest port chosen: above the well-known and most registered service ports. */
    static final int LOWEST = 20_000;

    private static final int ATTEMPTS = 500;

    private LocalPorts() {
    }

    /** One free port. */
    public static int pick() {
        return pick(1)[0];
    }

    /** {@code count} distinct free ports. */
    public static int[] pick(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        int[] ports = new int[count];
        int below = ephemeralRangeStart();
        for (int i = 0; i < count; i++) {
            ports[i] = below > LOWEST ? belowEphemeralRange(below, ports, i) : kernelChosen();
        }
        return ports;
    }

    private static int belowEphemeralRange(int below, int[] taken, int takenCount) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(below - LOWEST);
            if (!contains(taken, takenCount, port) && canBind(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + below + " after " + ATTEMPTS
                + " attempts: free some ports or widen the range below /proc/sys/net/ipv4/ip_local_port_range");
    }

    private static boolean contains(int[] ports, int count, int port) {
        for (int i = 0; i < count; i++) {
            if (ports[i] == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port: binding port 0 failed", e);
        }
    }

    /**
     * The first port of Linux's ephemeral range, or 0 where there is no such file. Read by lines: procfs reports a
     * size of 0, on which {@code Files.readString} returns only the first character ("3" for "32768 60999").
     */
    static int ephemeralRangeStart() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return lines.isEmpty() ? 0 : Integer.parseInt(lines.get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
