package dev.weir.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.kinesis.local.Kinesalite;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The local Kinesis API the demo and the tests run. */
@Timeout(120)
class KinesaliteTest {
    @Test
    void aClientThatClosesItsConnectionMidRequestDoesNotEndTheServer() throws Exception {
        try (Kinesalite kinesis = TestKinesis.start()) {
            URI endpoint = URI.create(kinesis.endpoint());
            // What a cancelled job's fetcher or a killed JVM leaves: a request whose body never fully arrives.
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
                        + "X-Amz-Target: Kinesis_20131202.ListStreams\r\nContent-Length: 100\r\n\r\n{\"Lim").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            kinesis.createStream("after-abort", 1);
            try (KinesisClient client = kinesis.client()) {
                assertThat(client.listStreams().streamNames()).containsExactly("after-abort");
            }
        }
    }
}
