package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;
import org.apache.flink.util.Collector;

/**
 * Modelled on Flink's StateMachineExample: each address walks a small state machine (W -> X -> Y -> Z -> done)
 * driven by events; an event the current state does not allow raises an alert. Events come from a parallel
 * SourceFunction that checkpoints its position through CheckpointedFunction, with exactly-once checkpoints on.
 */
public class StateMachineExample {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);

        DataStream<Tuple2<Integer, String>> events = env.addSource(new EventSource(300)).name("events");
        DataStream<String> alerts = events
                .keyBy(event -> event.f0)
                .flatMap(new StateMachineMapper());
        alerts.addSink(new LineFileSink<>(params.getRequired("output"), "alerts"));
        env.execute("State machine job");
    }

    /** The states an address moves through, and which event types each accepts. */
    public enum State {
        W("a", "X"), X("b", "Y"), Y("c", "Z"), Z("d", "DONE"), DONE("", "");

        private final String accepts;
        private final String next;

        State(String accepts, String next) {
            this.accepts = accepts;
            this.next = next;
        }

        State transition(String event) {
            return event.equals(accepts) ? State.valueOf(next) : null;
        }
    }

    /** Walks each address's state machine in keyed ValueState and reports invalid transitions. */
    public static final class StateMachineMapper extends RichFlatMapFunction<Tuple2<Integer, String>, String> {
        private transient ValueState<State> currentState;

        @Override
        public void open(Configuration conf) {
            currentState = getRuntimeContext().getState(new ValueStateDescriptor<>("state", State.class));
        }

        @Override
        public void flatMap(Tuple2<Integer, String> event, Collector<String> out) throws Exception {
            State state = currentState.value();
            if (state == null) {
                state = State.W;
            }
            State next = state.transition(event.f1);
            if (next == null) {
                out.collect("alert address=" + event.f0 + " state=" + state + " event=" + event.f1);
                currentState.clear();
            } else if (next == State.DONE) {
                out.collect("done address=" + event.f0);
                currentState.clear();
            } else {
                currentState.update(next);
            }
        }
    }

    /**
     * Each subtask emits the events of its own addresses (address % parallelism == subtask); the index of the next
     * event is operator state, so a restore resumes where the last checkpoint was taken.
     */
    public static final class EventSource extends RichParallelSourceFunction<Tuple2<Integer, String>> implements CheckpointedFunction {
        private final int count;
        private volatile boolean running = true;
        private long next;
        private transient ListState<Long> position;

        public EventSource(int count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Tuple2<Integer, String>> ctx) {
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
            String[] types = {"a", "b", "c", "d"};
            while (running && next < count) {
                synchronized (ctx.getCheckpointLock()) {
                    long i = next++;
                    int address = (int) (i % 10) * parallelism + subtask;
                    // mostly in order, with an out-of-order event every 7th step
                    String type = i % 7 == 6 ? types[(int) ((i / 10 + 2) % 4)] : types[(int) ((i / 10) % 4)];
                    ctx.collect(Tuple2.of(address, type));
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(java.util.Collections.singletonList(next));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Long.class));
            for (Long restored : position.get()) {
                next = restored;
            }
        }
    }

    /**
     * Writes each record as a line of {@code <dir>/<name>-<subtask>.txt}, and at the end the number of lines it wrote,
     * a count kept as operator state through CheckpointedFunction.
     */
    public static final class LineFileSink<T> extends RichSinkFunction<T> implements CheckpointedFunction {
        private final String dir;
        private final String name;
        private transient BufferedWriter writer;
        private transient ListState<Long> countState;
        private long count;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            countState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("lines-written", Long.class));
            for (Long restored : countState.get()) {
                count += restored;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            countState.update(java.util.Collections.singletonList(count));
        }

        public LineFileSink(String dir, String name) {
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
        public void invoke(T value, Context context) throws Exception {
            writer.write(String.valueOf(value));
            writer.newLine();
            count++;
        }

        @Override
        public void close() throws Exception {
            if (writer != null) {
                writer.write("# lines written: " + count);
                writer.newLine();
                writer.close();
            }
        }
    }
}
