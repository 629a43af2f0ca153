package dev.weir.streaming.api.environment;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.common.JobExecutionResult;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.datastream.DataStreamSource;

import dev.weir.streaming.api.environment.CheckpointConfig;
import dev.weir.plan.CheckpointSettings;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.api.connector.source.Source;
import dev.weir.builtin.FromElementsSource;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.plan.Pipeline;
import dev.weir.plan.PipelineExecutor;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a job is built and run, as in Flink: create sources, transform them, add sinks, then {@link #execute()}.
 * Weir runs the job inside this JVM, on one worker thread per core by default.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromData("a b", "b c")
 *    .flatMap((String line, Collector<String> out) -> { for (String w : line.split(" ")) out.collect(w); })
 *    .print();
 * env.execute("words");
 * }</pre>
 */
public class StreamExecutionEnvironment {
    private final ExecutionConfig config = new ExecutionConfig();
    private final CheckpointConfig checkpointConfig = new CheckpointConfig();
    private RestartStrategies.RestartStrategyConfiguration restartStrategy;
    private final List<Transformation> sinks = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> settings = new HashMap<>();
    private int parallelism;
    private int maxParallelism = -1;
    private boolean chainingEnabled = true;

    protected StreamExecutionEnvironment(int parallelism) {
        setParallelism(parallelism);
    }

    /**
     * An environment with the default parallelism: the system property {@code weir.parallelism} when set (as
     * {@code weir run --parallelism} sets it), else the number of available cores. The system properties
     * {@code execution.target}, {@code rest.address}, {@code rest.port} and {@code pipeline.jars}, when set (as
     * {@code weir run --target flink} sets them), choose where the job runs.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        StreamExecutionEnvironment environment =
                new StreamExecutionEnvironment(Integer.getInteger("weir.parallelism", Runtime.getRuntime().availableProcessors()));
        // Where the job runs, as `weir run --target flink --jobmanager HOST:PORT` sets it, so a job's main stays unchanged.
        for (String key : TARGET_PROPERTIES) {
            String value = System.getProperty(key);
            if (value != null) {
                environment.configure(key, value);
            }
        }
        return environment;
    }

    /** The system properties {@link #getExecutionEnvironment()} reads: the target and the Flink cluster's endpoint. */
    private static final List<String> TARGET_PROPERTIES = List.of(PipelineExecutor.TARGET, "rest.address", "rest.port", "pipeline.jars");

    public static StreamExecutionEnvironment createLocalEnvironment() {
        return getExecutionEnvironment();
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        return new StreamExecutionEnvironment(parallelism);
    }

    public ExecutionConfig getConfig() {
        return config;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism <= 0) {
            throw new IllegalArgumentException("The parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    /** The number of key groups keyed state is split into: the upper bound of any later rescaling. */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism <= 0 || maxParallelism > 32768) {
            throw new IllegalArgumentException("The max parallelism must be between 1 and 32768, was " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** Runs every operator in a task of its own; mostly for debugging and tests. */
    public StreamExecutionEnvironment disableOperatorChaining() {
        chainingEnabled = false;
        return this;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    /** Takes a checkpoint every {@code intervalMillis}, exactly once. */
    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
        return enableCheckpointing(intervalMillis, CheckpointingMode.EXACTLY_ONCE);
    }

    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
        checkpointConfig.setCheckpointInterval(intervalMillis);
        checkpointConfig.setCheckpointingMode(mode);
        return this;
    }

    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    /**
     * What to do when a task fails. Without a strategy, a job with checkpointing restarts without limit after a
     * second (Flink's default); a job without checkpointing fails.
     */
    public void setRestartStrategy(RestartStrategies.RestartStrategyConfiguration restartStrategy) {
        this.restartStrategy = Objects.requireNonNull(restartStrategy, "restartStrategy");
    }

    /** Starts the next job from a savepoint or retained checkpoint directory (Flink's {@code execution.savepoint.path}). */
    public StreamExecutionEnvironment setRestorePath(String path, boolean allowNonRestoredState) {
        settings.put(CheckpointSettings.RESTORE_PATH, Objects.requireNonNull(path, "path"));
        settings.put(CheckpointSettings.ALLOW_NON_RESTORED_STATE, Boolean.toString(allowNonRestoredState));
        return this;
    }

    /** Accepted for Flink compatibility: Weir flushes batches at the end of every unit of work. */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        return this;
    }

    /** Sets a runtime option by name (e.g. "weir.exchange.capacity"); unknown names are refused when the job runs. */
    public StreamExecutionEnvironment configure(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * An environment with the default parallelism that takes its settings from {@code configuration}, e.g.
     * {@code execution.target: remote} with {@code rest.address} and {@code rest.port} to run on a Flink cluster.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment(dev.weir.configuration.Configuration configuration) {
        StreamExecutionEnvironment environment = getExecutionEnvironment();
        configuration.toMap().forEach(environment::configure);
        return environment;
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... data) {
        Objects.requireNonNull(data, "fromData: the elements must not be null");
        if (data.length == 0) {
            throw new IllegalArgumentException("fromData needs at least one element; for an empty stream use fromData(Collection) with a typed empty list");
        }
        return fromData(Arrays.asList(data));
    }

    public <T> DataStreamSource<T> fromData(Collection<T> data) {
        Objects.requireNonNull(data, "fromData: the collection must not be null");
        return fromSource(new FromElementsSource<>(data), WatermarkStrategy.noWatermarks(), "Collection Source");
    }

    /** Flink 1.x name of {@link #fromData(Object[])}. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... data) {
        return fromData(data);
    }

    /** Flink 1.x name of {@link #fromData(Collection)}. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
        return fromData(data);
    }

    /** The numbers {@code from} to {@code to}, inclusive, read in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence: 'from' (" + from + ") must not be greater than 'to' (" + to + ")");
        }
        return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source");
    }

    public <T> DataStreamSource<T> fromSource(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(watermarkStrategy, "watermarkStrategy: use WatermarkStrategy.noWatermarks() for none");
        Objects.requireNonNull(sourceName, "sourceName");
        Transformation t = Transformation.source(nextId(), sourceName, new Specs.SourceSpec(source, watermarkStrategy));
        if (source.maxParallelism() > 0) {
            t.setParallelism(Math.min(parallelism, source.maxParallelism()));
        }
        return new DataStreamSource<>(this, t);
    }

    public JobExecutionResult execute() throws Exception {
        return execute("Weir Streaming Job");
    }

    /** Runs the job to its end (bounded input) or until it fails; throws when it fails. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        } catch (InterruptedException e) {
            client.cancel();
            throw e;
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync("Weir Streaming Job");
    }

    /**
     * Validates and starts the job and returns at once. The sinks added so far belong to this job; the environment
     * starts empty again, so it can build and run another job.
     */
    public JobClient executeAsync(String jobName) throws Exception {
        Objects.requireNonNull(jobName, "jobName");
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute: add a sink (e.g. print() or sinkTo(...)) before execute()");
        }
        Map<String, String> all = new HashMap<>(checkpointConfig.toSettings());
        if (restartStrategy != null) {
            all.putAll(restartStrategy.toSettings());
        }
        all.putAll(settings);
        Pipeline pipeline = new Pipeline(jobName, sinks,
                new Pipeline.PipelineConfig(parallelism, maxParallelism, config.getAutoWatermarkInterval(), chainingEnabled, all));
        sinks.clear();
        return executor(all.getOrDefault(PipelineExecutor.TARGET, PipelineExecutor.LOCAL_TARGET)).execute(pipeline);
    }

    /** The runtime registered for the target: Weir's own for "local", the weir-flink runner for Flink's targets. */
    private static PipelineExecutor executor(String target) {
        for (PipelineExecutor executor : ServiceLoader.load(PipelineExecutor.class, StreamExecutionEnvironment.class.getClassLoader())) {
            if (executor.supportsTarget(target)) {
                return executor;
            }
        }
        if (PipelineExecutor.LOCAL_TARGET.equals(target)) {
            throw new IllegalStateException("No Weir runtime found on the class path: add weir-core (it registers dev.weir.plan.PipelineExecutor)");
        }
        throw new IllegalStateException("No Weir runtime on the class path runs " + PipelineExecutor.TARGET + " '" + target
                + "': Weir runs 'local'; weir-flink (with Flink's flink-clients) adds 'remote' and 'flink-minicluster'");
    }

    /** Internal: a fresh id for a transformation; called by the stream classes as they add operators. */
    public int nextId() {
        return ids.incrementAndGet();
    }

    /** Internal: registers a sink; called by {@code DataStream.sinkTo} and {@code addSink}. */
    public void addSink(Transformation sink) {
        sinks.add(sink);
    }
}
