package dev.weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** Choosing the state backend: Flink's names and key, and a job that cannot get its backend fails when it is built. */
class StateBackendSelectionTest {
    private static StreamExecutionEnvironment keyedJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1L, 2L, 3L).keyBy(v -> v % 2).reduce(Long::sum).sinkTo(new DiscardingSink<>());
        return env;
    }

    @Test
    void hashMapStateBackendStandsForStateBackendTypeHashmapAndRuns() throws Exception {
        assertThat(new HashMapStateBackend().toSettings()).containsEntry("state.backend.type", "hashmap");
        assertThat(new HashMapStateBackend().getName()).isEqualTo("HashMapStateBackend");
        StreamExecutionEnvironment env = keyedJob();
        env.setStateBackend(new HashMapStateBackend());
        assertThat(env.execute("heap").getJobID()).isNotNull();
    }

    @Test
    void rocksdbWithoutTheModuleOnTheClassPathFailsWhenTheJobIsBuiltNamingTheDependency() {
        StreamExecutionEnvironment env = keyedJob();
        env.configure("state.backend.type", "rocksdb");
        assertThatThrownBy(() -> env.execute("rocks"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("state.backend.type is 'rocksdb', but no state backend of that type is on the class path "
                        + "(found: [hashmap]): add the dependency dev.weir:weir-rocksdb to the job's class path");
    }

    @Test
    void anUnknownStateBackendTypeIsRefusedListingTheKnownOnes() {
        StreamExecutionEnvironment env = keyedJob();
        env.configure("state.backend.type", "jobmanager");
        assertThatThrownBy(() -> env.execute("unknown"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("state.backend.type is 'jobmanager', but no state backend of that type is on the class path "
                        + "(found: [hashmap]): use one of [hashmap]");
    }
}
