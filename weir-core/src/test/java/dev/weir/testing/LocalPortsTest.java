package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void picksDistinctPortsThatAServerCanBindAtOnce() throws IOException {
        int[] ports = LocalPorts.pick(5);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(5);
        for (int port : ports) {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress("localhost", port));
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void onLinuxPortsComeFromBelowTheKernelsEphemeralRangeWhichPortZeroNeverHandsOut() {
        int ephemeral = LocalPorts.ephemeralRangeStart();
        assumeTrue(ephemeral > LocalPorts.LOWEST, "a Linux ephemeral port range above " + LocalPorts.LOWEST);
        for (int i = 0; i < 20; i++) {
            assertThat(LocalPorts.pick()).isBetween(LocalPorts.LOWEST, ephemeral - 1);
        }
    }

    @Test
    void aPortInUseIsNeverPicked() throws IOException {
        int ephemeral = LocalPorts.ephemeralRangeStart();
        assumeTrue(ephemeral > LocalPorts.LOWEST, "a Linux ephemeral port range above " + LocalPorts.LOWEST);
        ServerSocket[] held = new ServerSocket[50];
        try {
            int[] heldPorts = new int[held.length];
            for (int i = 0; i < held.length; i++) {
                held[i] = new ServerSocket();
                held[i].bind(new InetSocketAddress("localhost", LocalPorts.pick()));
                heldPorts[i] = held[i].getLocalPort();
            }
            for (int i = 0; i < 200; i++) {
                int port = LocalPorts.pick();
                assertThat(heldPorts).doesNotContain(port);
            }
        } finally {
            for (ServerSocket socket : held) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void askingForNoPortIsRefused() {
        assertThatThrownBy(() -> LocalPorts.pick(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, was 0");
    }
}
