package dev.weir.streaming.api.functions.sink;

import dev.weir.api.common.functions.util.PrintSinkOutputWriter;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints each element's {@code toString()} to standard output (or standard error), one line each, as Flink's
 * {@code PrintSink}; {@code DataStream.print()} uses it.
 *
 * <p>The line prefix is Flink's: with parallelism above 1 it is the subtask number (index + 1), e.g.
 * {@code "2> hello"}; with a sink identifier it is {@code "id:2> hello"}, or {@code "id> hello"} at parallelism 1;
 * at parallelism 1 without identifier there is none. The stream is looked up when a writer is created, so
 * {@code System.setOut} before the job starts redirects it.
 */
public class PrintSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;
    // Only for tests in this package; a PrintStream cannot be serialized, and System.out needs no field.
    private final transient PrintStream stream;

    /** Prints to standard output. */
    public PrintSink() {
        this("", false);
    }

    /** Prints to standard error when {@code stdErr} is true, else to standard output. */
    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    /** Prints to standard output, each line prefixed by the identifier. */
    public PrintSink(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    /** Prints to standard error or output, each line prefixed by the identifier. */
    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this(sinkIdentifier, stdErr, null);
    }

    /** For tests: prints to {@code stream}. */
    PrintSink(String sinkIdentifier, boolean stdErr, PrintStream stream) {
        this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
        this.stdErr = stdErr;
        this.stream = stream;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(new PrintSinkOutputWriter<>(sinkIdentifier, stdErr, stream,
                context.getSubtaskId(), context.getNumberOfParallelSubtasks()));
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }

    /** Prints one subtask's elements. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final PrintSinkOutputWriter<T> out;

        Writer(PrintSinkOutputWriter<T> out) {
            this.out = out;
        }

        @Override
        public void write(T element, Context context) {
            out.write(element);
        }

        @Override
        public void flush(boolean endOfInput) {
            out.flush();
        }

        @Override
        public void close() {
        }
    }
}
