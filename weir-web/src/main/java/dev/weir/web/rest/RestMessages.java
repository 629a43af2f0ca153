package dev.weir.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The bodies of Weir's REST API, shaped after Flink's REST messages (field for field where Flink has the endpoint):
 * written by the server and read by {@code weir} (weir-cli) through Jackson, so both sides share one definition.
 */
public final class RestMessages {
    private RestMessages() {
    }

    /** {@code POST /jobs/{id}/savepoints}: Flink's savepoint trigger request. */
    public record SavepointTriggerRequest(@JsonProperty("target-directory") String targetDirectory,
                                          @JsonProperty("cancel-job") Boolean cancelJob) {
    }

    /** {@code POST /jobs/{id}/stop}: Flink's stop-with-savepoint request. */
    public record StopWithSavepointRequest(@JsonProperty("targetDirectory") String targetDirectory,
                                           @JsonProperty("drain") Boolean drain) {
    }

    /** The answer to a savepoint or stop request: the id to poll. */
    public record TriggerResponse(@JsonProperty("request-id") String requestId) {
    }

    /** {@code GET /jobs/{id}/savepoints/{request-id}}: IN_PROGRESS, or COMPLETED with a location or a failure cause. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavepointStatus(@JsonProperty("status") QueueStatus status, @JsonProperty("operation") SavepointOperation operation) {
    }

    /** Flink's queue status of an asynchronous operation: {@code IN_PROGRESS} or {@code COMPLETED}. */
    public record QueueStatus(@JsonProperty("id") String id) {
    }

    /** The outcome of a completed savepoint request: its location, or why it failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavepointOperation(@JsonProperty("location") String location,
                                     @JsonProperty("failure-cause") FailureCause failureCause) {
    }

    /** Why an operation failed: the exception's class and its message (Flink sends the stack trace). */
    public record FailureCause(@JsonProperty("class") String exceptionClass, @JsonProperty("stack-trace") String stackTrace) {
    }

    /** Any refused request (400, 401, 403, 404, 500): what was wrong and what to do. */
    public record ErrorResponse(@JsonProperty("errors") List<String> errors) {
    }

    /** {@code GET /overview}. */
    public record ClusterOverview(@JsonProperty("weir-version") String version, @JsonProperty("taskmanagers") int taskManagers,
                                  @JsonProperty("slots-total") int slotsTotal, @JsonProperty("jobs-running") int jobsRunning,
                                  @JsonProperty("jobs-finished") int jobsFinished, @JsonProperty("jobs-cancelled") int jobsCancelled,
                                  @JsonProperty("jobs-failed") int jobsFailed) {
    }

    /** {@code GET /config}: what the dashboard needs. */
    public record DashboardConfiguration(@JsonProperty("weir-version") String version,
                                         @JsonProperty("refresh-interval") long refreshInterval) {
    }

    /** {@code GET /jobs}. */
    public record JobIdsWithStatusOverview(@JsonProperty("jobs") List<JobIdWithStatus> jobs) {
    }

    /** One job of {@code GET /jobs}. */
    public record JobIdWithStatus(@JsonProperty("id") String id, @JsonProperty("status") String status) {
    }

    /** {@code GET /jobs/overview}. */
    public record MultipleJobsDetails(@JsonProperty("jobs") List<JobSummary> jobs) {
    }

    /** One job of {@code GET /jobs/overview}; times in epoch ms, {@code end-time} -1 while it runs. */
    public record JobSummary(@JsonProperty("jid") String jid, @JsonProperty("name") String name, @JsonProperty("state") String state,
                             @JsonProperty("start-time") long startTime, @JsonProperty("end-time") long endTime,
                             @JsonProperty("duration") long duration) {
    }

    /** {@code GET /jobs/{id}}: the job, its vertices with their metrics, its edges and Flink's {@code plan}. */
    public record JobDetails(@JsonProperty("jid") String jid, @JsonProperty("name") String name, @JsonProperty("state") String state,
                             @JsonProperty("start-time") long startTime, @JsonProperty("end-time") long endTime,
                             @JsonProperty("duration") long duration, @JsonProperty("now") long now,
                             @JsonProperty("vertices") List<VertexDetails> vertices, @JsonProperty("edges") List<Edge> edges,
                             @JsonProperty("plan") Plan plan) {
    }

    /** A vertex (chain) of a job. */
    public record VertexDetails(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                @JsonProperty("parallelism") int parallelism, @JsonProperty("maxParallelism") int maxParallelism,
                                @JsonProperty("status") String status, @JsonProperty("operators") List<String> operators,
                                @JsonProperty("watermark") long watermark, @JsonProperty("metrics") VertexMetrics metrics) {
    }

    /** A vertex's counters and rates; a rate is null when it cannot be known (not a finite number). */
    public record VertexMetrics(@JsonProperty("read-records") long readRecords, @JsonProperty("write-records") long writeRecords,
                                @JsonProperty("read-records-per-second") Double readRecordsPerSecond,
                                @JsonProperty("write-records-per-second") Double writeRecordsPerSecond,
                                @JsonProperty("backpressure-ratio") Double backpressureRatio) {
    }

    /** An edge between two vertices. */
    public record Edge(@JsonProperty("source") String source, @JsonProperty("target") String target,
                       @JsonProperty("ship_strategy") String shipStrategy, @JsonProperty("side_output") String sideOutput) {
    }

    /** Flink's job plan. */
    public record Plan(@JsonProperty("jid") String jid, @JsonProperty("name") String name, @JsonProperty("nodes") List<PlanNode> nodes) {
    }

    /** A node of Flink's job plan. */
    public record PlanNode(@JsonProperty("id") String id, @JsonProperty("parallelism") int parallelism,
                           @JsonProperty("description") String description, @JsonProperty("inputs") List<PlanInput> inputs) {
    }

    /** An input of a plan node. */
    public record PlanInput(@JsonProperty("num") int num, @JsonProperty("id") String id,
                            @JsonProperty("ship_strategy") String shipStrategy, @JsonProperty("exchange") String exchange) {
    }

    /** One subtask's watermark, as Flink's {@code /watermarks} lists them ({@code "0.currentInputWatermark"}). */
    public record Metric(@JsonProperty("id") String id, @JsonProperty("value") String value) {
    }

    /** {@code GET /jobs/{id}/checkpoints}: counts since the job started, the latest completed, the kept history. */
    public record CheckpointingStatistics(@JsonProperty("counts") CheckpointCounts counts, @JsonProperty("latest") LatestCheckpoints latest,
                                          @JsonProperty("history") List<CheckpointStatistics> history) {
    }

    /** How many checkpoints completed, failed, are in progress, in all. */
    public record CheckpointCounts(@JsonProperty("completed") long completed, @JsonProperty("failed") long failed,
                                   @JsonProperty("in_progress") long inProgress, @JsonProperty("total") long total) {
    }

    /** The latest completed checkpoint, or null. */
    public record LatestCheckpoints(@JsonProperty("completed") CheckpointStatistics completed) {
    }

    /** One checkpoint or savepoint. */
    public record CheckpointStatistics(@JsonProperty("id") long id, @JsonProperty("status") String status,
                                       @JsonProperty("is_savepoint") boolean savepoint, @JsonProperty("trigger_timestamp") long triggerTimestamp,
                                       @JsonProperty("end_to_end_duration") long endToEndDuration, @JsonProperty("state_size") long stateSize,
                                       @JsonProperty("external_path") String externalPath, @JsonProperty("failure_message") String failureMessage) {
    }

    /** {@code GET /jobs/{id}/exceptions}. */
    public record JobExceptionsInfo(@JsonProperty("root-exception") String rootException, @JsonProperty("timestamp") Long timestamp,
                                    @JsonProperty("exceptionHistory") ExceptionHistory exceptionHistory) {
    }

    /** The failures of a job, newest first. */
    public record ExceptionHistory(@JsonProperty("entries") List<ExceptionEntry> entries, @JsonProperty("truncated") boolean truncated) {
    }

    /** One failure. */
    public record ExceptionEntry(@JsonProperty("exceptionName") String exceptionName, @JsonProperty("stacktrace") String stacktrace,
                                 @JsonProperty("timestamp") long timestamp, @JsonProperty("attempt") int attempt) {
    }

    /** Weir's {@code GET /jobs/{id}/history}: the chart data. */
    public record MetricsHistory(@JsonProperty("vertices") List<String> vertices, @JsonProperty("points") List<MetricsPoint> points) {
    }

    /** One sample of the chart data: per vertex, rates, backpressure and the watermark of each subtask. */
    public record MetricsPoint(@JsonProperty("time") long time, @JsonProperty("in") List<Double> in, @JsonProperty("out") List<Double> out,
                               @JsonProperty("backpressure") List<Double> backpressure, @JsonProperty("watermarks") List<List<Long>> watermarks) {
    }

    /** Weir's {@code GET /alerts}. */
    public record Alerts(@JsonProperty("published") long published, @JsonProperty("alerts") List<Alert> alerts) {
    }

    /** One alert of the demo's panel. */
    public record Alert(@JsonProperty("seq") long seq, @JsonProperty("time") long time, @JsonProperty("text") String text) {
    }
}
