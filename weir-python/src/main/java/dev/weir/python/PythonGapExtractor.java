package dev.weir.python;

import dev.weir.streaming.api.windowing.assigners.SessionWindowTimeGapExtractor;
import dev.weir.util.Collector;
import java.util.Arrays;

/**
 * A Python {@code SessionWindowTimeGapExtractor} of dynamic session windows: each record goes to the worker, whose
 * {@code extract(element)} answers the gap in milliseconds. An assigner has no {@code open}, so the worker is
 * connected at the first record and its connection ends with the JVM.
 */
final class PythonGapExtractor implements SessionWindowTimeGapExtractor<Object> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private transient ProcessConversation conversation;
    private transient Gap gap;

    PythonGapExtractor(int driverPort, int operatorId) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
    }

    @Override
    public long extract(Object element) {
        try {
            if (conversation == null) {
                // No subtask to name (an assigner has no runtime context): -1, as for window reduce functions.
                conversation = new ProcessConversation(new WorkerConnection(driverPort, operatorId, -1, 1), null, false);
                gap = new Gap();
            }
            gap.millis = null;
            conversation.call(Arrays.asList("element", Keyed.plain(element), null, null, null), null, gap, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the Python SessionWindowTimeGapExtractor failed: " + e, e);
        }
        if (!(gap.millis instanceof Long millis) || millis <= 0) {
            throw new IllegalArgumentException("the Python SessionWindowTimeGapExtractor's extract(...) returned "
                    + gap.millis + " for " + Keyed.plain(element) + "; it must return the gap in milliseconds, a "
                    + "positive int");
        }
        return millis;
    }

    /** The one output of an {@code extract} call. */
    private static final class Gap implements Collector<Object> {
        Object millis;

        @Override
        public void collect(Object record) {
            millis = record;
        }
    }
}
