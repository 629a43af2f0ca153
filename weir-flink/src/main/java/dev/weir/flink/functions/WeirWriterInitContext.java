package dev.weir.flink.functions;

import dev.weir.api.common.operators.ProcessingTimeService;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;

/** What Flink tells a sink writer about its subtask, as Weir's writers read it. */
final class WeirWriterInitContext implements WriterInitContext {
    private final org.apache.flink.api.connector.sink2.WriterInitContext flink;
    private final MetricGroup metrics;
    private final ProcessingTimeService time;

    WeirWriterInitContext(org.apache.flink.api.connector.sink2.WriterInitContext flink) {
        this.flink = flink;
        this.metrics = new FlinkMetricGroup(flink.metricGroup());
        org.apache.flink.api.common.operators.ProcessingTimeService flinkTime = flink.getProcessingTimeService();
        this.time = new ProcessingTimeService() {
            @Override
            public long getCurrentProcessingTime() {
                return flinkTime.getCurrentProcessingTime();
            }

            @Override
            public void registerTimer(long timestamp, ProcessingTimeCallback target) {
                flinkTime.registerTimer(timestamp, target::onProcessingTime);
            }
        };
    }

    @Override
    public int getSubtaskId() {
        return flink.getTaskInfo().getIndexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return flink.getTaskInfo().getNumberOfParallelSubtasks();
    }

    @Override
    public int getAttemptNumber() {
        return flink.getTaskInfo().getAttemptNumber();
    }

    @Override
    public MetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return time;
    }
}
