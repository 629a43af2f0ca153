package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM's side of a worker's link, against a worker played by the test: the frames it sends and how it reads. */
class WorkerConnectionTest {
    @Test
    void aReplyAskedForAgainWhileTheNextBundleIsInFlightComesBackTaggedAndTheNextReplyIsKeptForTheNextRead()
            throws Exception {
        try (ServerSocket driver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<byte[]> requests = new ArrayList<>();
            CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> playWorker(driver, requests));
            try (WorkerConnection connection = new WorkerConnection(driver.getLocalPort(), 1, 0, 1)) {
                connection.send(bundleOf(1, 2));
                connection.send(bundleOf(3, 4));
                BundleAnswers answers = new BundleAnswers();
                connection.answers(answers, true);
                assertThat(List.of(answers.get(0), answers.get(1))).containsExactly(10L, 20L);
                connection.answers(answers, false);
                assertThat(List.of(answers.get(0), answers.get(1))).containsExactly(30L, 40L);
            }
            worker.get(60, TimeUnit.SECONDS);
            assertThat(requests).hasSize(3);
            assertThat(requests.get(2)).containsExactly('?', 1);
        }
    }

    /**
     * Answers the first bundle with a marshalled set (which the JVM does not take from marshal), the second with
     * marshalled ints, then the JVM's request for the first again with packed ints.
     */
    private static void playWorker(ServerSocket driver, List<byte[]> requests) {
        try (Socket socket = driver.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            read(in); // the hello
            requests.add(read(in));
            write(out, marshalled((byte) '<', 10, 20)); // a set
            requests.add(read(in));
            write(out, marshalled((byte) '[', 30, 40));
            requests.add(read(in));
            ByteBuffer packed = ByteBuffer.allocate(2 + 4 + 16);
            packed.put((byte) 'R').put(ValueCodec.LONGS).putInt(2).order(ByteOrder.LITTLE_ENDIAN).putLong(10).putLong(20);
            write(out, packed.array());
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static byte[] marshalled(byte collection, int... values) {
        ByteBuffer frame = ByteBuffer.allocate(2 + 5 + 5 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        frame.put((byte) 'R').put(MarshalReader.MARSHALLED).put(collection).putInt(values.length);
        for (int value : values) {
            frame.put((byte) 'i').putInt(value);
        }
        return frame.array();
    }

    private static RecordBundle bundleOf(long... values) {
        RecordBundle bundle = new RecordBundle(values.length);
        for (long value : values) {
            bundle.add(value, Long.MIN_VALUE, values.length);
        }
        return bundle;
    }

    private static byte[] read(DataInputStream in) throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return frame;
    }

    private static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }
}
