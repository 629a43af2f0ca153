package dev.weir.api.common.functions.util;

import dev.weir.streaming.api.functions.sink.PrintSink;
import dev.weir.streaming.api.functions.sink.PrintSinkFunction;

import java.io.PrintStream;

/** Prints elements with Flink's print prefix; shared by {@link PrintSink} and {@link PrintSinkFunction}. */
public final class PrintSinkOutputWriter<T> {
    private final PrintStream stream;
    private final String prefix;

    /** Resolves System.out/err now, at run time, so that a test's {@code System.setOut} is honoured. */
    public PrintSinkOutputWriter(String sinkIdentifier, boolean stdErr, PrintStream override, int subtaskIndex, int parallelism) {
        this.stream = override != null ? override : stdErr ? System.err : System.out;
        this.prefix = prefix(sinkIdentifier, subtaskIndex, parallelism);
    }

    /**
     * Flink's prefix: {@code "id:3> "} with an identifier and parallelism above 1, {@code "id> "} with an identifier
     * alone, {@code "3> "} with parallelism above 1 alone, nothing otherwise; the number is the subtask index + 1.
     */
    public static String prefix(String sinkIdentifier, int subtaskIndex, int parallelism) {
        String prefix = sinkIdentifier == null ? "" : sinkIdentifier;
        if (parallelism > 1) {
            prefix = prefix.isEmpty() ? String.valueOf(subtaskIndex + 1) : prefix + ":" + (subtaskIndex + 1);
        }
        return prefix.isEmpty() ? "" : prefix + "> ";
    }

    // One println per element, not print(prefix) then println(element): parallel subtasks share the stream, and
    // PrintStream keeps only a single call's output together.
    public void write(T element) {
        stream.println(prefix.isEmpty() ? String.valueOf(element) : prefix + element);
    }

    public void flush() {
        stream.flush();
    }
}
