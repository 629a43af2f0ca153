package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.plan.DefaultConfiguration;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs in the surefire execution that scans weir-core's suites with RocksDB as the process's default backend (see
 * the pom), and fails there if that default were ignored: then weir-core's suites would pass on the heap again, and
 * prove nothing about RocksDB.
 */
@Timeout(60)
class RocksDBIsTheDefaultBackendTest {
    @Test
    void theProcesssDefaultConfigurationNamesRocksDBWithASmallWriteBackCache() {
        assertThat(DefaultConfiguration.load().toMap()).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("state.backend.rocksdb.write-back-cache.size", "4kb");
    }

    @Test
    void aJobThatSetsNoBackendKeepsItsKeyedStateInRocksDB() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> classes = env.fromData("a", "b", "a").keyBy(s -> s).process(new StateClass()).executeAndCollect(3);

        assertThat(classes).containsExactly("RocksDBValueState 1", "RocksDBValueState 1", "RocksDBValueState 2");
    }

    /** Emits the class of the value state it got and the key's count so far. */
    static final class StateClass extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            Integer n = count.value();
            count.update(n == null ? 1 : n + 1);
            out.collect(count.getClass().getSimpleName() + " " + count.value());
        }
    }
}
