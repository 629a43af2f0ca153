package dev.weir.python;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator subtask's link to its Python worker: a socket to the Python driver, which forks a worker process for
 * it on the first frame. Frames are a 4-byte big-endian length and a payload; a request is a list of inputs, a reply
 * is {@code 'R'} and a list with the answer to each input, or {@code 'E'} and the Python error's text. The worker
 * writes the answers with Python's {@code marshal} where it can ({@code 'R'}, {@code 'K'}, see {@link MarshalReader});
 * when one is a value the reader does not take, a {@code '?'} frame asks for the same reply as tagged values.
 *
 * <p>A bundle of integers (the common case for numbers) is written and read as one packed array straight from and
 * into reused byte arrays, so that path costs a copy and a box per record and no stream call per value.
 */
final class WorkerConnection implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** Asks the worker for its last reply again, as tagged values. */
    private static final byte TAGGED_PLEASE = '?';
    /** After {@link #TAGGED_PLEASE}: the reply before the last one. */
    private static final byte ONE_BACK = 1;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private final DataOutputStream frameOut = new DataOutputStream(frame);
    private byte[] sent = new byte[1 << 12];
    private byte[] received = new byte[1 << 12];
    /** A reply read ahead of the one asked for again as tagged values, while {@link #stashedLength} is not -1. */
    private byte[] stashed = new byte[0];
    private int stashedLength = -1;
    /** The answers {@link #answers()} returns; the caller reads them before its next call. */
    private final List<Object> callAnswers = new ArrayList<>();
    private final BundleAnswers scratch = new BundleAnswers();
    private final MarshalReader marshal = new MarshalReader();
    private final MarshalWriter marshalWriter = new MarshalWriter();

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
     * The list is valid until the next call.
     */
    List<Object> call(List<Object> inputs) throws IOException {
        send(inputs);
        return answers();
    }

    /** The worker's answers to the bundle sent last, as {@link #call} returns them; valid until the next read. */
    List<Object> answers() throws IOException {
        answers(scratch);
        callAnswers.clear();
        for (int i = 0, n = scratch.size(); i < n; i++) {
            callAnswers.add(scratch.get(i));
        }
        return callAnswers;
    }

    /** Reads the worker's answers to the bundle sent last into {@code into}. */
    void answers(BundleAnswers into) throws IOException {
        answers(into, false);
    }

    /**
     * Reads the worker's answers to the oldest bundle it has not answered yet into {@code into}; {@code nextSent}
     * says whether the bundle after it was sent already (the worker answers that one before it reads anything sent
     * later, so a request for the tagged form of this reply comes back after the next reply, which is kept for the
     * next call).
     */
    void answers(BundleAnswers into, boolean nextSent) throws IOException {
        if (readReply(stashedLength >= 0 ? takeStashed() : readFrame(), into)) {
            return;
        }
        // A value Weir does not take from marshal: the worker's tagged encoder accepts it or names it.
        if (nextSent) {
            out.writeInt(2);
            out.writeByte(TAGGED_PLEASE);
            out.writeByte(ONE_BACK);
            out.flush();
            int next = readFrame();
            if (received[0] == 'E') { // the next bundle failed, and the worker stopped at it
                throw new PythonFunctionException(new String(received, 1, next - 1, StandardCharsets.UTF_8));
            }
            stash(next);
        } else {
            out.writeInt(1);
            out.writeByte(TAGGED_PLEASE);
            out.flush();
        }
        if (!readReply(readFrame(), into)) {
            throw new IOException("the Python worker answered a request for tagged values in marshal's format");
        }
    }

    /**
     * Reads the reply of {@code length} bytes in {@link #received} into {@code into}; false when it is marshalled and
     * holds a value Weir does not take from marshal.
     */
    @SuppressWarnings("unchecked")
    private boolean readReply(int length, BundleAnswers into) throws IOException {
        byte kind = received[0];
        if (kind == 'E') {
            throw new PythonFunctionException(new String(received, 1, length - 1, StandardCharsets.UTF_8));
        }
        if (kind != 'R') {
            throw new IOException("unexpected reply '" + (char) kind + "' from the Python worker");
        }
        if (received[1] == MarshalReader.MARSHALLED) {
            return marshal.readLongs(received, 2, length, into) || marshal.readLists(received, 2, length, into.startValues());
        }
        if (received[1] == ValueCodec.LONGS) {
            int size = (int) INTS.get(received, 2);
            into.startLongs();
            littleEndianLongs(received, 6, size).get(into.room(size), 0, size);
            into.added(size);
            return true;
        }
        into.startValues().addAll((List<Object>) ValueCodec.read(
                new DataInputStream(new ByteArrayInputStream(received, 1, length - 1))));
        return true;
    }

    /** Whether a reply has (at least partly) arrived: reading it would not wait for the worker to compute. */
    boolean replyWaiting() throws IOException {
        return stashedLength >= 0 || in.available() > 0;
    }

    /** Reads the next frame into {@link #received}; returns its length. */
    private int readFrame() throws IOException {
        int length = in.readInt();
        if (received.length < length) {
            received = new byte[Math.max(length, received.length * 2)];
        }
        in.readFully(received, 0, length);
        return length;
    }

    /** Keeps the frame just read for the next {@link #answers(BundleAnswers, boolean)}. */
    private void stash(int length) {
        byte[] frame = stashed;
        stashed = received;
        received = frame.length > 0 ? frame : new byte[1 << 12];
        stashedLength = length;
    }

    private int takeStashed() {
        byte[] frame = received;
        received = stashed;
        stashed = frame;
        int length = stashedLength;
        stashedLength = -1;
        return length;
    }

    /** Sends one message of a process function's conversation, or a bundle given as a list. */
    void send(Object value) throws IOException {
        if (value instanceof List<?> list && ValueCodec.allLongs(list)) {
            sendLongs(list);
            return;
        }
        frame.reset();
        ValueCodec.write(frameOut, value);
        out.writeInt(frame.size());
        frame.writeTo(out);
        out.flush();
    }

    /**
     * Sends a bundle's records: unboxed numbers as one packed array, other records as one marshalled list
     * ({@code 'K'}, see {@link MarshalWriter}), or as a list of tagged values where marshal has no form for one.
     */
    void send(RecordBundle bundle) throws IOException {
        if (!bundle.onlyLongs()) {
            // Tagged values where a record has no marshal form (a Row).
            sendMarshalled(bundle.values());
            return;
        }
        int size = bundle.size();
        byte[] frame = packedFrame(size);
        littleEndianLongs(frame, 9, size).put(bundle.longs(), 0, size);
        out.write(frame, 0, 9 + 8 * size);
        out.flush();
    }

    /**
     * {@code count} longs in {@code bytes} from {@code offset}, little-endian: a view whose bulk get and put copy
     * memory at once. A loop of VarHandle calls runs in the interpreter for a job's first bundles at about 1.8 µs a
     * value (JDK 17).
     */
    private static LongBuffer littleEndianLongs(byte[] bytes, int offset, int count) {
        return ByteBuffer.wrap(bytes, offset, 8 * count).slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }

    private void sendLongs(List<?> values) throws IOException {
        int size = values.size();
        byte[] frame = packedFrame(size);
        for (int i = 0, at = 9; i < size; i++, at += 8) {
            LONGS.set(frame, at, (long) (Long) values.get(i));
        }
        out.write(frame, 0, 9 + 8 * size);
        out.flush();
    }

    /** The frame's length and the packed array's tag and size, in a reused buffer with room for the values. */
    private byte[] packedFrame(int size) {
        int length = 9 + 8 * size;
        if (sent.length < length) {
            sent = new byte[Math.max(length, sent.length * 2)];
        }
        INTS.set(sent, 0, length - 4);
        sent[4] = ValueCodec.LONGS;
        INTS.set(sent, 5, size);
        return sent;
    }

    /**
     * Sends one message of a conversation in marshal's format ({@code 'K'}, read by the worker in C) where every value
     * has a marshal form, else as tagged values.
     */
    void sendMarshalled(List<Object> message) throws IOException {
        if (!marshalWriter.write(MarshalReader.MARSHALLED, message)) {
            send(message);
            return;
        }
        byte[] frame = marshalWriter.buffer();
        int length = marshalWriter.length();
        INTS.set(frame, 0, length - 4);
        out.write(frame, 0, length);
        out.flush();
    }

    /**
     * Reads one message of a process function's conversation: tagged values, or a list in marshal's format
     * ({@code 'K'}), which is asked for again as tagged values when it holds a value Weir does not take from marshal.
     */
    Object receive() throws IOException {
        int length = readFrame();
        if (received[0] == MarshalReader.MARSHALLED) {
            List<Object> message = new ArrayList<>();
            if (marshal.readLists(received, 1, length, message)) {
                return message;
            }
            out.writeInt(1);
            out.writeByte(TAGGED_PLEASE);
            out.flush();
            return receive();
        }
        return ValueCodec.read(new DataInputStream(new ByteArrayInputStream(received, 0, length)));
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
