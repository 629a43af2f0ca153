package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;

/**
 * Stop with a savepoint, then restore from it through {@code execution.savepoint.path}: the first run counts the
 * first 12 orders per customer and is stopped with a savepoint while its source waits; the second run, configured
 * with the savepoint's path, resumes the source at its checkpointed position and the keyed counts where they were.
 */
public class SavepointRestore {
    private static final int ORDERS = 24;
    private static final int FIRST_RUN = 12;

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final String savepoints = Paths.get(output + "-savepoints").toAbsolutePath().toString();

        StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment();
        build(first, FIRST_RUN, output, "first-run");
        JobClient client = first.executeAsync("orders, first run");
        awaitLines(Paths.get(output, "first-run-0.txt"), FIRST_RUN);
        String savepoint = client.stopWithSavepoint(false, savepoints, SavepointFormatType.CANONICAL).get();
        client.getJobExecutionResult().get();

        Configuration conf = new Configuration();
        conf.setString("execution.savepoint.path", savepoint);
        StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        build(second, Integer.MAX_VALUE, output, "second-run");
        second.execute("orders, second run");
    }

    private static void build(StreamExecutionEnvironment env, int pauseAt, String output, String name) {
        env.setParallelism(1);
        // Weir takes savepoints only with checkpointing on; Flink does not mind
        env.enableCheckpointing(600_000);
        env.addSource(new OrderSource(ORDERS, pauseAt)).uid("orders")
                .keyBy(order -> order.f0)
                .map(new RunningCount()).uid("running-count")
                .addSink(new FlushingFileSink(output, name)).uid("sink");
    }

    /** Polls until the first run's sink has written {@code lines} lines (the output does not depend on how long). */
    private static void awaitLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(file) || Files.readAllLines(file).size() < lines) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " did not reach " + lines + " lines");
            }
            Thread.sleep(10);
        }
    }

    /** Emits orders (customer, amount) from its checkpointed position; waits at {@code pauseAt} until stopped. */
    public static final class OrderSource extends RichSourceFunction<Tuple2<String, Integer>> implements CheckpointedFunction {
        private final int count;
        private final int pauseAt;
        private volatile boolean running = true;
        private int next;
        private transient ListState<Integer> position;

        public OrderSource(int count, int pauseAt) {
            this.count = count;
            this.pauseAt = pauseAt;
        }

        @Override
        public void run(SourceContext<Tuple2<String, Integer>> ctx) throws Exception {
            String[] customers = {"ann", "ben", "cat"};
            while (running && next < count) {
                if (next >= pauseAt) {
                    Thread.sleep(5);
                    continue;
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(Tuple2.of(customers[next % 3], 10 + next));
                    next++;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(Collections.singletonList(next));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Integer.class));
            for (Integer restored : position.get()) {
                next = restored;
            }
        }
    }

    /** Counts and sums each customer's orders in keyed state. */
    public static final class RunningCount extends RichMapFunction<Tuple2<String, Integer>, String> {
        private transient ValueState<Tuple2<Integer, Integer>> totals;

        @Override
        public void open(Configuration parameters) {
            totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals",
                    org.apache.flink.api.common.typeinfo.Types.TUPLE(
                            org.apache.flink.api.common.typeinfo.Types.INT, org.apache.flink.api.common.typeinfo.Types.INT)));
        }

        @Override
        public String map(Tuple2<String, Integer> order) throws Exception {
            Tuple2<Integer, Integer> current = totals.value();
            Tuple2<Integer, Integer> updated = current == null ? Tuple2.of(1, order.f1) : Tuple2.of(current.f0 + 1, current.f1 + order.f1);
            totals.update(updated);
            return order.f0 + " orders=" + updated.f0 + " total=" + updated.f1;
        }
    }

    /** Writes and flushes each record as a line of {@code <dir>/<name>-<subtask>.txt}. */
    public static final class FlushingFileSink extends RichSinkFunction<String> {
        private final String dir;
        private final String name;
        private transient BufferedWriter writer;

        public FlushingFileSink(String dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        @Override
        public void open(Configuration parameters) throws Exception {
            Files.createDirectories(Paths.get(dir));
            writer = Files.newBufferedWriter(Paths.get(dir, name + "-" + getRuntimeContext().getIndexOfThisSubtask() + ".txt"),
                    StandardCharsets.UTF_8);
        }

        @Override
        public void invoke(String value, Context context) throws Exception {
            writer.write(value);
            writer.newLine();
            writer.flush();
        }

        @Override
        public void close() throws Exception {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
