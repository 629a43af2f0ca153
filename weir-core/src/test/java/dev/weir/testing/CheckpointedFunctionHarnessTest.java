package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness initializes a {@code CheckpointedFunction}'s state before open, as a task on a fresh start does. */
@Timeout(30)
class CheckpointedFunctionHarnessTest {

    /** Buffers what it maps in operator list state and emits the buffer; records the calls it got, in order. */
    static final class Buffering extends RichMapFunction<String, String> implements CheckpointedFunction {
        final List<String> calls = new ArrayList<>();
        private transient ListState<String> buffer;
        private transient ListState<String> everyone;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            calls.add("initializeState restored=" + context.isRestored());
            buffer = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", String.class));
            everyone = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("everyone", String.class));
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            calls.add("open buffer=" + contents(buffer) + " everyone=" + contents(everyone));
        }

        @Override
        public String map(String value) throws Exception {
            buffer.add(value);
            everyone.add(value.toUpperCase());
            return contents(buffer) + "" + contents(everyone);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            calls.add("snapshotState " + context.getCheckpointId());
        }
    }

    private static List<String> contents(ListState<String> state) throws Exception {
        List<String> all = new ArrayList<>();
        state.get().forEach(all::add);
        return all;
    }

    @Test
    void aCheckpointedFunctionGetsFreshOperatorStateBeforeOpenAndUsesItWhileMapping() throws Exception {
        Buffering function = new Buffering();
        try (OneInputHarness<String, String> harness = OneInputHarness.forMap(function)) {
            harness.processElement("a", 1L);
            harness.processElement("b", 2L);

            assertThat(function.calls).containsExactly("initializeState restored=false", "open buffer=[] everyone=[]");
            assertThat(harness.extractOutputValues()).containsExactly("[a][A]", "[a, b][A, B]");
        }
    }

    @Test
    void anExplicitOpenInitializesTheStateToo() throws Exception {
        Buffering function = new Buffering();
        try (OneInputHarness<String, String> harness = OneInputHarness.forMap(function)) {
            harness.open();

            assertThat(function.calls).containsExactly("initializeState restored=false", "open buffer=[] everyone=[]");
        }
    }

    /** Takes a keyed state handle from the initialization context instead of the runtime context, as Flink allows. */
    static final class KeyedFromInitialization extends KeyedProcessFunction<String, String, String> implements CheckpointedFunction {
        private transient ValueState<Integer> seen;
        private transient ListState<String> keys;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            seen = context.getKeyedStateStore().getState(new ValueStateDescriptor<>("seen", Integer.class));
            keys = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("keys", String.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            int n = seen.value() == null ? 1 : seen.value() + 1;
            seen.update(n);
            if (n == 1) {
                keys.add(ctx.getCurrentKey());
            }
            out.collect(ctx.getCurrentKey() + "=" + n + " keys=" + contents(keys));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
        }
    }

    @Test
    void aKeyedCheckpointedFunctionUsesKeyedAndOperatorStateFromItsInitializationContext() throws Exception {
        try (OneInputHarness<String, String> harness = OneInputHarness.forKeyedProcessFunction(new KeyedFromInitialization(),
                (String v) -> v.substring(0, 1))) {
            harness.processElement("x1", 1L);
            harness.processElement("y1", 2L);
            harness.processElement("x2", 3L);

            assertThat(harness.extractOutputValues()).containsExactly("x=1 keys=[x]", "y=1 keys=[x, y]", "x=2 keys=[x, y]");
            assertThat(harness.getValueState("seen", "x")).isEqualTo(2);
        }
    }
}
