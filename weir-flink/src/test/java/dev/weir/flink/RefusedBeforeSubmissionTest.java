package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.RichReduceFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.SourceSplit;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the runner cannot translate is refused when the job is submitted, all reasons at once, before Flink starts. */
@Timeout(60)
class RefusedBeforeSubmissionTest {

    @Test
    void aJobWithUntranslatableOperatorsIsRefusedNamingEachOperatorAndItsReason() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
        env.fromSource(new Countdown(), WatermarkStrategy.noWatermarks(), "countdown")
                .addSink(new SharedSink<>("refused-source"));
        env.fromData(Tuple2.of("a", 1), Tuple2.of("a", 2))
                .keyBy(t -> t.f0)
                .reduce(new RichSum()).name("pairs").uid("pairs-uid")
                .addSink(new SharedSink<>("refused-count"));

        assertThatThrownBy(() -> env.execute("untranslatable"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Job 'untranslatable' cannot run on Apache Flink, so nothing was submitted; 2 operator(s) cannot be translated:\n"
                        + "  - Source 'countdown': the source dev.weir.flink.RefusedBeforeSubmissionTest$Countdown is not translated "
                        + "yet; the runner translates fromData, fromSequence, DataGeneratorSource, FileSource and KafkaSource\n"
                        + "  - KeyedReduce 'pairs' (uid pairs-uid): a rich ReduceFunction cannot run in Flink's reduce; keep state in "
                        + "a KeyedProcessFunction instead\n"
                        + "Run the job on Weir (execution.target: local) or replace these operators.");
        assertThat(SharedSink.sorted("refused-source")).isEmpty();
    }

    @Test
    void aSourceWithASplitEnumeratorIsRefusedSayingSo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
        env.fromSource(new Enumerated(), WatermarkStrategy.noWatermarks(), "enumerated").addSink(new SharedSink<>("refused-enumerated"));

        assertThatThrownBy(() -> env.execute("enumerated"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("  - Source 'enumerated': the source dev.weir.flink.RefusedBeforeSubmissionTest$Enumerated has a "
                        + "split enumerator (an EnumeratedSource, such as KinesisStreamsSource), which the runner does not translate yet: "
                        + "Flink would have to run the enumerator in its job manager\n");
    }

    @Test
    void executeAndCollectIsRefusedBecauseFlinkShipsTheSinkAwayFromTheJvmThatReads() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);

        assertThatThrownBy(() -> env.fromData(1, 2).executeAndCollect())
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Sink 'Collect Sink': collect() (executeAndCollect) is not translated yet: Weir's "
                        + "collect sink hands records to the JVM that built it, and Flink ships sinks to its task managers; write "
                        + "the results to a sink instead");
    }

    @Test
    void theRemoteTargetWithoutTheClustersRestEndpointIsRefusedSayingWhichSettingsToAdd() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("execution.target", "remote");
        env.fromData(1, 2).addSink(new SharedSink<>("refused-remote"));

        assertThatThrownBy(() -> env.execute("no endpoint"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("execution.target 'remote' needs the Flink cluster's REST endpoint: set rest.address and rest.port "
                        + "(e.g. localhost and 8081)");
    }

    @Test
    void anUnknownTargetNamesTheTargetAndTheModuleThatRunsIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("execution.target", "yarn-per-job");
        env.fromData(1, 2).addSink(new SharedSink<>("refused-yarn"));

        assertThatThrownBy(() -> env.execute("yarn"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No Weir runtime on the class path runs execution.target 'yarn-per-job': Weir runs 'local'; "
                        + "weir-flink (with Flink's flink-clients) adds 'remote' and 'flink-minicluster'");
    }

    /** A rich reduce function, which Flink's reduce operators refuse. */
    static final class RichSum extends RichReduceFunction<Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }

    /** A user's own source: the runner cannot know what it relies on of Weir's runtime, so it refuses it. */
    static final class Countdown implements Source<Long> {
        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SourceReader<Long> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private long next = 3;

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    if (next == 0) {
                        return InputStatus.END_OF_INPUT;
                    }
                    output.collect(next--);
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A source with a split enumerator; never run, since the runner refuses it. */
    static final class Enumerated implements EnumeratedSource<Long, SourceSplit, Void> {
        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<SourceSplit, Void> createEnumerator(SplitEnumeratorContext<SourceSplit> context) {
            throw new UnsupportedOperationException("never run");
        }

        @Override
        public SplitEnumerator<SourceSplit, Void> restoreEnumerator(SplitEnumeratorContext<SourceSplit> context, Void checkpoint) {
            throw new UnsupportedOperationException("never run");
        }

        @Override
        public SplitSourceReader<Long, SourceSplit> createReader(SourceReaderContext context) {
            throw new UnsupportedOperationException("never run");
        }
    }
}
