package dev.weir.python;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One operator subtask's link to its Python worker: a socket to the Python driver, which forks a worker process for
 * it on the first frame. Frames are a 4-byte big-endian length and a payload; a request is a list of inputs, a reply
 * is {@code 'R'} and a list with the answer to each input, or {@code 'E'} and the Python error's text.
 */
final class WorkerConnection implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private final DataOutputStream frameOut = new DataOutputStream(frame);

    WorkerConnection(int driverPort, int operatorId, int subtask, int parallelism) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), driverPort);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        send(List.of("worker", (long) operatorId, (long) subtask, (long) parallelism));
    }

    /**
     * Sends a bundle of inputs and returns the worker's answer for each, in order: what an answer is depends on the
     * operator's kind (a value for {@code map}, a list of values for {@code flat_map}, see {@link PythonStage.Reply}).
     */
    @SuppressWarnings("unchecked")
    List<Object> call(List<Object> inputs) throws IOException {
        send(inputs);
        int length = in.readInt();
        byte kind = in.readByte();
        if (kind == 'E') {
            byte[] text = new byte[length - 1];
            in.readFully(text);
            throw new PythonFunctionException(new String(text, StandardCharsets.UTF_8));
        }
        if (kind != 'R') {
            throw new IOException("unexpected reply '" + (char) kind + "' from the Python worker");
        }
        return (List<Object>) ValueCodec.read(in);
    }

    /** Sends one message of a process function's conversation. */
    void send(Object value) throws IOException {
        frame.reset();
        ValueCodec.write(frameOut, value);
        out.writeInt(frame.size());
        frame.writeTo(out);
        out.flush();
    }

    /** Reads one message of a process function's conversation. */
    Object receive() throws IOException {
        in.readInt();
        return ValueCodec.read(in);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static IOException lost(IOException cause) {
        if (cause instanceof EOFException) {
            return new IOException("the Python worker ended or was killed before it answered (or the Python program driving the job ended)", cause);
        }
        return cause;
    }
}
