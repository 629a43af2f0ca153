package dev.weir.api.connector.sink2;

import dev.weir.api.common.operators.ProcessingTimeService;
import dev.weir.metrics.MetricGroup;
import java.util.OptionalLong;

/** What a {@link SinkWriter} knows about the subtask that runs it. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    int getAttemptNumber();

    MetricGroup metricGroup();

    /**
     * The id of the checkpoint this writer's job was restored from, empty on a fresh start. A transactional writer
     * tells by it which of the transactions a previous run left open belong to a completed checkpoint (they are
     * committed) and which do not (they are aborted).
     */
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    /**
     * The processing-time service of the writer's task, for writers that act on wall-clock time (such as the
     * {@code FileSink}'s time-based rolling). The default, for contexts outside a running job, has none.
     */
    default ProcessingTimeService getProcessingTimeService() {
        throw new UnsupportedOperationException(getClass().getName() + " offers no ProcessingTimeService; "
                + "a writer created by a running Weir job gets one from its task");
    }
}
