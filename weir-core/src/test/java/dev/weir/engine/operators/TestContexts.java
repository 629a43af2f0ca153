package dev.weir.engine.operators;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.metrics.MetricGroup;
import dev.weir.engine.metrics.OperatorMetricGroup;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.time.KeyedTimerServices;
import dev.weir.engine.time.ManualProcessingTimeService;
import dev.weir.engine.time.ProcessingTimeService;
import java.util.List;

/** Minimal operator contexts and outputs for tests of single operators. */
final class TestContexts {
    private TestContexts() {
    }

    /** A non-keyed subtask 1 of 1. */
    static final class Simple implements OperatorContext {
        private final ProcessingTimeService time = new ManualProcessingTimeService();

        @Override
        public String operatorName() {
            return "test";
        }

        @Override
        public int subtaskIndex() {
            return 0;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public int maxParallelism() {
            return 128;
        }

        @Override
        public int attemptNumber() {
            return 0;
        }

        @Override
        public RuntimeContext runtimeContext() {
            return null;
        }

        @Override
        public KeyedStateBackend keyedStateBackend() {
            return null;
        }

        @Override
        public KeyedTimerServices timerServices() {
            return null;
        }

        @Override
        public KeySelector<Object, Object> keySelector(int input) {
            return null;
        }

        @Override
        public ProcessingTimeService processingTimeService() {
            return time;
        }

        @Override
        public MetricGroup metricGroup() {
            return new OperatorMetricGroup("test");
        }

        @Override
        public long autoWatermarkIntervalMillis() {
            return 0;
        }
    }

    /** Collects "value@timestamp" strings. */
    static final class ListOutput implements Output {
        private final List<Object> out;

        ListOutput(List<Object> out) {
            this.out = out;
        }

        @Override
        public void collect(Object value, long timestamp) {
            out.add(value + "@" + timestamp);
        }

        @Override
        public void collect(OutputTag<?> tag, Object value, long timestamp) {
            out.add(tag.getId() + ":" + value);
        }

        @Override
        public void emitWatermark(long watermark) {
            out.add("W" + watermark);
        }

        @Override
        public void emitIdleness(boolean idle) {
            out.add(idle ? "IDLE" : "ACTIVE");
        }
    }
}
