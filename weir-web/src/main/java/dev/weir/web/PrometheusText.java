package dev.weir.web;

import dev.weir.engine.status.CheckpointHistory;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.engine.status.SubtaskSample;
import dev.weir.engine.status.VertexInfo;
import java.util.List;

/**
 * The {@code /metrics} endpoint in Prometheus' text exposition format (version 0.0.4): per job its state, per subtask
 * its record counters, watermark and time spent backpressured, per job Flink's checkpoint metrics
 * ({@code weir_job_numberOfCompletedCheckpoints}, ...). Written by hand: these few families need no library.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(JobRegistry registry) {
        StringBuilder sb = new StringBuilder();
        List<JobView> jobs = registry.jobs();
        family(sb, "weir_job_running", "gauge", "1 while the job runs, else 0");
        for (JobView j : jobs) {
            sb.append("weir_job_running{job_id=\"").append(j.id()).append("\",job_name=\"").append(escape(j.name())).append("\",state=\"")
                    .append(j.status()).append("\"} ").append(j.status().isGloballyTerminalState() ? 0 : 1).append('\n');
        }
        checkpointGauges(sb, jobs);
        family(sb, "weir_task_records_in_total", "counter", "Records a subtask received (sources: read)");
        each(sb, jobs, "weir_task_records_in_total", 0);
        family(sb, "weir_task_records_out_total", "counter", "Records a subtask sent to other tasks");
        each(sb, jobs, "weir_task_records_out_total", 1);
        family(sb, "weir_task_watermark_milliseconds", "gauge", "The subtask's current watermark (event time)");
        each(sb, jobs, "weir_task_watermark_milliseconds", 2);
        family(sb, "weir_task_backpressured_seconds_total", "counter", "Time the subtask's outputs were full");
        each(sb, jobs, "weir_task_backpressured_seconds_total", 3);
        family(sb, "weir_alerts_published_total", "counter", "Alerts published to the dashboard's alert panel");
        sb.append("weir_alerts_published_total ").append(AlertFeed.global().published()).append('\n');
        return sb.toString();
    }

    /** Flink's checkpoint metrics of a job (its {@code flink_jobmanager_job_...} gauges), one family each. */
    private static void checkpointGauges(StringBuilder sb, List<JobView> jobs) {
        String[][] families = {
                {"numberOfCompletedCheckpoints", "Checkpoints and savepoints completed since the job started"},
                {"numberOfFailedCheckpoints", "Checkpoints and savepoints that failed since the job started, at any stage"},
                {"numberOfInProgressCheckpoints", "Checkpoints and savepoints in progress"},
                {"lastCheckpointDuration", "Milliseconds the latest completed checkpoint took, or -1"},
                {"lastCheckpointSize", "Bytes of the latest completed checkpoint, or -1"},
                {"lastCheckpointRestoreTimestamp", "When the job last restored a checkpoint or savepoint (epoch ms), or -1"},
        };
        for (int f = 0; f < families.length; f++) {
            String name = "weir_job_" + families[f][0];
            family(sb, name, "gauge", families[f][1]);
            for (JobView j : jobs) {
                CheckpointHistory.Counts c = j.checkpointCounts();
                long value = switch (f) {
                    case 0 -> c.completed();
                    case 1 -> c.failed();
                    case 2 -> c.inProgress();
                    case 3 -> c.lastDuration();
                    case 4 -> c.lastSize();
                    default -> c.lastRestoreTimestamp();
                };
                sb.append(name).append("{job_id=\"").append(j.id()).append("\",job_name=\"").append(escape(j.name())).append("\"} ")
                        .append(value).append('\n');
            }
        }
    }

    private static void family(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void each(StringBuilder sb, List<JobView> jobs, String name, int what) {
        for (JobView j : jobs) {
            List<VertexInfo> vs = j.vertices();
            for (int v = 0; v < vs.size(); v++) {
                for (SubtaskSample s : j.sample(v)) {
                    if (what == 2 && s.watermark() == Long.MIN_VALUE) {
                        continue;
                    }
                    sb.append(name).append("{job_id=\"").append(j.id()).append("\",vertex_id=\"").append(vs.get(v).id())
                            .append("\",vertex=\"").append(escape(vs.get(v).name())).append("\",subtask=\"").append(s.subtask()).append("\"} ");
                    switch (what) {
                        case 0 -> sb.append(s.recordsIn());
                        case 1 -> sb.append(s.recordsOut());
                        case 2 -> sb.append(s.watermark());
                        default -> sb.append(s.backpressuredNanos() / 1e9);
                    }
                    sb.append('\n');
                }
            }
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
