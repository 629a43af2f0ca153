package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the runner cannot translate is refused when the job is submitted, all reasons at once, before Flink starts. */
@Timeout(60)
class RefusedBeforeSubmissionTest {

    @Test
    void aJobWithUntranslatableOperatorsIsRefusedNamingEachOperatorAndItsReason() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
        env.fromData(1, 2, 3)
                .connect(env.fromData("x"))
                .map(new CoMapFunction<Integer, String, String>() {
                    @Override
                    public String map1(Integer value) {
                        return "n" + value;
                    }

                    @Override
                    public String map2(String value) {
                        return value;
                    }
                }).name("numbers and letters")
                .addSink(new SharedSink<>("refused-comap"));
        env.fromData(Tuple2.of("a", 1), Tuple2.of("a", 2))
                .keyBy(t -> t.f0)
                .countWindow(2).sum(1).name("pairs").uid("pairs-uid")
                .addSink(new SharedSink<>("refused-count"));

        assertThatThrownBy(() -> env.execute("untranslatable"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Job 'untranslatable' cannot run on Apache Flink, so nothing was submitted; 2 operator(s) cannot be translated:\n"
                        + "  - CoMap 'numbers and letters': the operator kind CoMap is not translated yet (connect/co-process, broadcast "
                        + "state and interval join are still to come)\n"
                        + "  - Window 'pairs' (uid pairs-uid): custom triggers (including countWindow's) are not translated yet\n"
                        + "Run the job on Weir (execution.target: local) or replace these operators.");
        assertThat(SharedSink.sorted("refused-comap")).isEmpty();
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
}
