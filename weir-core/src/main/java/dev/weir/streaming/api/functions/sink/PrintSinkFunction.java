package dev.weir.streaming.api.functions.sink;

import dev.weir.api.common.functions.util.PrintSinkOutputWriter;

import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.TaskInfo;
import java.io.PrintStream;

/** The {@link RichSinkFunction} form of {@link PrintSink} for {@code addSink}, with the same output and prefixes. */
public class PrintSinkFunction<T> extends RichSinkFunction<T> {
    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;
    // Only for tests in this package; a PrintStream cannot be serialized.
    private final transient PrintStream stream;
    private transient PrintSinkOutputWriter<T> out;

    /** Prints to standard output. */
    public PrintSinkFunction() {
        this("", false);
    }

    /** Prints to standard error when {@code stdErr} is true, else to standard output. */
    public PrintSinkFunction(boolean stdErr) {
        this("", stdErr);
    }

    /** Prints to standard output, each line prefixed by the identifier. */
    public PrintSinkFunction(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    /** Prints to standard error or output, each line prefixed by the identifier. */
    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this(sinkIdentifier, stdErr, null);
    }

    /** For tests: prints to {@code stream}. */
    PrintSinkFunction(String sinkIdentifier, boolean stdErr, PrintStream stream) {
        this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
        this.stdErr = stdErr;
        this.stream = stream;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        TaskInfo task = getRuntimeContext().getTaskInfo();
        out = new PrintSinkOutputWriter<>(sinkIdentifier, stdErr, stream, task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
    }

    @Override
    public void invoke(T value) {
        if (out == null) {
            throw new IllegalStateException("PrintSinkFunction.invoke was called before open(OpenContext); the runtime opens rich functions first");
        }
        out.write(value);
    }

    @Override
    public void finish() {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }
}
