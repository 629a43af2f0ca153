package dev.weir.streaming.api.environment;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.ReadableConfig;
import dev.weir.configuration.RestOptions;
import dev.weir.plan.WebUiLauncher;
import dev.weir.api.common.JobExecutionResult;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.datastream.DataStreamSource;

import dev.weir.streaming.api.environment.CheckpointConfig;
import dev.weir.plan.CheckpointSettings;
import dev.weir.plan.DefaultConfiguration;
import dev.weir.runtime.state.StateBackend;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.api.connector.source.Source;
import dev.weir.builtin.FromElementsSource;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.plan.Pipeline;
import dev.weir.plan.PipelineExecutor;
import dev.weir.plan.RegisteredExecutors;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.java.typeutils.ResultTypeQueryable;
import dev.weir.plan.SourceFunctionSource;
import dev.weir.streaming.api.functions.source.ParallelSourceFunction;
import dev.weir.streaming.api.functions.source.SourceFunction;
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
    private final Configuration configuration = new Configuration();
    private RuntimeExecutionMode runtimeMode = RuntimeExecutionMode.STREAMING;
    private String defaultJobName = "Weir Streaming Job";
    /** The dashboard started by {@link #createLocalEnvironmentWithWebUI}, stopped when the next job ends. */
    private AutoCloseable webUi;

    /**
     * An environment with {@code parallelism} over the process's default configuration ({@link DefaultConfiguration}:
     * {@code weir run -D key=value}, or the same keys as JVM system properties).
     */
    protected StreamExecutionEnvironment(int parallelism) {
        configureDefaults();
        setParallelism(parallelism);
    }

    /** An environment with the process's default configuration: {@code parallelism.default} there, else one subtask per core. */
    protected StreamExecutionEnvironment() {
        this.parallelism = Runtime.getRuntime().availableProcessors();
        configureDefaults();
    }

    /**
     * An environment configured as {@link #getExecutionEnvironment(Configuration)} does: the process's default
     * configuration, then {@code configuration}, which wins.
     */
    public StreamExecutionEnvironment(Configuration configuration) {
        this();
        configure(configuration);
    }

    /**
     * An environment with the process's default configuration ({@link DefaultConfiguration}): the options
     * {@code weir run -D key=value} sets, or a JVM started with {@code -Dkey=value} gives, under Flink's keys
     * ({@code state.backend.type}, {@code execution.checkpointing.interval}, ...). Its parallelism is
     * {@code parallelism.default} there ({@code weir run --parallelism} sets it), else the number of available cores;
     * {@code execution.target}, {@code rest.address}, {@code rest.port} and {@code pipeline.jars} there (as
     * {@code weir run --target flink} sets them) choose where the job runs. What the program sets afterwards wins.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return new StreamExecutionEnvironment();
    }

    /**
     * Applies the process's default configuration, naming where a bad value came from: it is not in the program, so
     * the message must send the user to the command line or the JVM's options.
     */
    private void configureDefaults() {
        Configuration defaults = DefaultConfiguration.load();
        if (defaults.keySet().isEmpty()) {
            return;
        }
        try {
            configure(defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in the process's default configuration, given with weir run "
                    + "-D key=value or as a JVM system property -Dkey=value: correct or remove it there)", e);
        }
    }

    /**
     * An environment with the default parallelism, configured by Flink's options ({@code parallelism.default},
     * {@code execution.runtime-mode}, {@code execution.checkpointing.interval}, ...): see {@link #configure(ReadableConfig)}.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        return new StreamExecutionEnvironment(configuration);
    }

    /** A local environment with the process's default configuration; without {@code parallelism.default}, one subtask per core. */
    public static LocalStreamEnvironment createLocalEnvironment() {
        return new LocalStreamEnvironment();
    }

    /** A local environment with the process's default configuration and the given parallelism whatever that says. */
    public static LocalStreamEnvironment createLocalEnvironment(int parallelism) {
        return new LocalStreamEnvironment(parallelism);
    }

    /**
     * A local environment configured by the process's default configuration and then by Flink's options in
     * {@code configuration}, with the given parallelism whatever they say (as in Flink).
     */
    public static LocalStreamEnvironment createLocalEnvironment(int parallelism, Configuration configuration) {
        LocalStreamEnvironment env = new LocalStreamEnvironment(parallelism);
        env.configure(configuration);
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * A local environment configured by the process's default configuration and then by Flink's options in
     * {@code configuration}; without {@code parallelism.default} in either, one subtask per core.
     */
    public static LocalStreamEnvironment createLocalEnvironment(Configuration configuration) {
        LocalStreamEnvironment env = new LocalStreamEnvironment();
        env.configure(configuration);
        return env;
    }

    /**
     * A local environment that serves the dashboard and REST API on {@code rest.bind-port} (or {@code rest.port},
     * default 8081) until its next job ends, as Flink's local cluster with web UI does. The dashboard lives in the
     * weir-web module: without it on the class path the environment runs jobs without one and logs how to add it.
     */
    public static StreamExecutionEnvironment createLocalEnvironmentWithWebUI(Configuration configuration) {
        StreamExecutionEnvironment env = createLocalEnvironment(configuration);
        WebUiLauncher launcher = null;
        for (WebUiLauncher found : ServiceLoader.load(WebUiLauncher.class, StreamExecutionEnvironment.class.getClassLoader())) {
            launcher = found;
            break;
        }
        if (launcher == null) {
            System.getLogger(StreamExecutionEnvironment.class.getName()).log(System.Logger.Level.WARNING,
                    "No web UI: add the dev.weir:weir-web dependency to serve the dashboard; the job runs without it");
            return env;
        }
        env.webUi = launcher.start(webUiPort(configuration));
        return env;
    }

    private static int webUiPort(Configuration configuration) {
        String port = configuration.getOptional(RestOptions.BIND_PORT)
                .orElseGet(() -> String.valueOf(configuration.get(RestOptions.PORT)));
        String first = port.contains("-") ? port.substring(0, port.indexOf('-')) : port;
        try {
            return Integer.parseInt(first.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Could not parse port '" + port + "' of " + RestOptions.BIND_PORT.key()
                    + ": give a port such as 8081 or a range such as 8081-8090", e);
        }
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

    /** Flink 1.x's form of {@link #enableCheckpointing(long, CheckpointingMode)}, with the mode from {@code streaming.api}. */
    @Deprecated
    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, dev.weir.streaming.api.CheckpointingMode mode) {
        return enableCheckpointing(intervalMillis, dev.weir.streaming.api.CheckpointingMode.convertToCheckpointingMode(mode));
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
    /**
     * Sets where keyed state lives while the job runs ({@code HashMapStateBackend}, the default, or
     * {@code EmbeddedRocksDBStateBackend}); the same as setting {@code state.backend.type} and its options.
     */
    public StreamExecutionEnvironment setStateBackend(StateBackend backend) {
        settings.putAll(Objects.requireNonNull(backend, "backend").toSettings());
        return this;
    }

    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        return this;
    }

    /**
     * Sets one option by its key, as {@link #configure(ReadableConfig)} does: a Flink key takes effect as in Flink
     * (e.g. {@code execution.runtime-mode}), a {@code weir.} key (e.g. {@code weir.exchange.capacity}) goes to the
     * runtime, which refuses unknown ones when the job runs, and another key is accepted with one log line.
     */
    public StreamExecutionEnvironment configure(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.startsWith("weir.")) {
            configuration.setString(key, value);
            putSetting(key, value);
        } else {
            configure(Configuration.fromMap(Map.of(key, value)));
        }
        return this;
    }

    /**
     * Applies Flink's options as Flink does: {@code execution.runtime-mode}, {@code parallelism.default},
     * {@code pipeline.*} (name, max parallelism, auto-watermark interval, operator chaining, object reuse, global job
     * parameters), {@code execution.checkpointing.*} (interval, mode, timeout, min pause, concurrent and tolerable
     * failures, retention, retained, dir), {@code state.backend.type} ({@code hashmap} only) and
     * {@code execution.state-recovery.path} / {@code execution.savepoint.path} (restore, as {@link #setRestorePath}).
     * {@code weir.} keys go to the runtime; other keys are accepted with one log line. Options not in {@code config}
     * keep their current values.
     *
     * @throws IllegalArgumentException if a value cannot be read as its option's type, naming the key and the value
     */
    public void configure(ReadableConfig config) {
        Objects.requireNonNull(config, "config");
        EnvironmentOptions.apply(config, this);
        configuration.addAll(Configuration.fromMap(config.toMap()));
    }

    /** As {@link #configure(ReadableConfig)}; the class loader is not needed, Weir runs jobs in the caller's. */
    public void configure(ReadableConfig config, ClassLoader classLoader) {
        configure(config);
    }

    /** The options set through {@link #configure}, {@link #getExecutionEnvironment(Configuration)} and {@link #setRuntimeMode}. */
    public ReadableConfig getConfiguration() {
        return configuration;
    }

    /**
     * STREAMING (the default), BATCH or AUTOMATIC, as {@code execution.runtime-mode}. In BATCH the job must read only
     * bounded sources (else {@code execute} fails before it starts), rolling aggregations emit one final value per
     * key, watermark generators are ignored and all timers fire at the end of input, keyed operators see each key's
     * records in timestamp order, broadcast inputs come first, and checkpointing is off: see
     * {@link RuntimeExecutionMode#BATCH}.
     */
    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        this.runtimeMode = Objects.requireNonNull(mode, "mode");
        configuration.setString(dev.weir.configuration.ExecutionOptions.RUNTIME_MODE.key(), mode.name());
        return this;
    }

    void setChainingEnabled(boolean enabled) {
        chainingEnabled = enabled;
    }

    void setDefaultJobName(String name) {
        defaultJobName = Objects.requireNonNull(name, "name");
    }

    /** A setting the runtime reads, by its key; the runtime refuses unknown keys when the job runs. */
    void putSetting(String key, String value) {
        settings.put(key, value);
    }

    /** The value of a setting for the runtime, or null. */
    String setting(String key) {
        return settings.get(key);
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
        DataStreamSource<T> source = fromSource(new FromElementsSource<>(data), WatermarkStrategy.noWatermarks(), "Collection Source");
        source.getTransformation().setOutputType(commonType(data));
        return source;
    }

    /** {@link #fromData(Object[])} with Flink's type information, accepted and not needed (it is {@code getType()}). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(TypeInformation<T> typeInfo, T... data) {
        Objects.requireNonNull(data, "fromData: the elements must not be null");
        return fromData(Arrays.asList(data), typeInfo);
    }

    /** {@link #fromData(Collection)} with Flink's type information, accepted and not needed (it is {@code getType()}). */
    public <T> DataStreamSource<T> fromData(Collection<T> data, TypeInformation<T> typeInfo) {
        Objects.requireNonNull(typeInfo, "fromData: the type information must not be null");
        DataStreamSource<T> source = fromData(data);
        source.getTransformation().setOutputType(typeInfo);
        return source;
    }

    /** Flink 1.x: the elements, all of class {@code type} (or a subclass). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... data) {
        Objects.requireNonNull(type, "fromElements: the type must not be null");
        Objects.requireNonNull(data, "fromElements: the elements must not be null");
        for (int i = 0; i < data.length; i++) {
            if (data[i] != null && !type.isInstance(data[i])) {
                throw new IllegalArgumentException("fromElements: element " + i + " (" + data[i] + ") is a "
                        + data[i].getClass().getName() + ", not a " + type.getName() + " as the given type says");
            }
        }
        return fromData(Arrays.asList(data), TypeInformation.of(type));
    }

    /** Flink 1.x name of {@link #fromData(Collection, TypeInformation)}. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> typeInfo) {
        return fromData(data, typeInfo);
    }

    /** The type of the elements when they all have one class, else none (then {@code getType()} is generic). */
    private static TypeInformation<?> commonType(Collection<?> data) {
        Class<?> common = null;
        for (Object o : data) {
            if (o == null || (common != null && o.getClass() != common)) {
                return null;
            }
            common = o.getClass();
        }
        return common == null ? null : TypeInformation.of(common);
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
        if (source instanceof ResultTypeQueryable<?> queryable) {
            t.setOutputType(queryable.getProducedType());
        }
        return new DataStreamSource<>(this, t);
    }

    /** Runs the job under the name {@code pipeline.name} gives, else "Weir Streaming Job". */

    /** {@link #fromSource(Source, WatermarkStrategy, String)} with Flink's type information, accepted and not needed. */
    public <T> DataStreamSource<T> fromSource(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String sourceName,
                                              TypeInformation<T> typeInfo) {
        Objects.requireNonNull(typeInfo, "fromSource: the type information must not be null");
        DataStreamSource<T> stream = fromSource(source, watermarkStrategy, sourceName);
        stream.getTransformation().setOutputType(typeInfo);
        return stream;
    }

    /**
     * Reads a legacy {@link SourceFunction} (Flink 1.x): its {@code run} runs on a thread of its own until it returns
     * or the job is cancelled. A function that is not a {@link ParallelSourceFunction} runs at parallelism 1.
     * Timestamps and watermarks are the ones the function emits; a strategy assigned downstream still works.
     */
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function) {
        return addSource(function, "Custom Source");
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName) {
        if (function == null) {
            throw new NullPointerException("addSource: the source function must not be null");
        }
        Objects.requireNonNull(sourceName, "sourceName");
        SourceFunctionSource<OUT> source = new SourceFunctionSource<>(function);
        Transformation t = Transformation.source(nextId(), sourceName, new Specs.SourceSpec(source, SourceFunctionSource.ownWatermarks()));
        if (source.maxParallelism() == 1) {
            t.setParallelism(1);
        }
        if (function instanceof ResultTypeQueryable<?> queryable) {
            t.setOutputType(queryable.getProducedType());
        }
        return new DataStreamSource<>(this, t);
    }

    /** {@link #addSource(SourceFunction)} with Flink's type information, accepted and not needed. */
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, TypeInformation<OUT> typeInfo) {
        return addSource(function, "Custom Source", typeInfo);
    }

    /** {@link #addSource(SourceFunction, String)} with Flink's type information, accepted and not needed. */
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName, TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(typeInfo, "addSource: the type information must not be null");
        DataStreamSource<OUT> stream = addSource(function, sourceName);
        stream.getTransformation().setOutputType(typeInfo);
        return stream;
    }

    public JobExecutionResult execute() throws Exception {
        return execute(defaultJobName);
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
        return executeAsync(defaultJobName);
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
        boolean batch = RuntimeModes.resolve(runtimeMode, sinks) == RuntimeExecutionMode.BATCH;
        Map<String, String> all = new HashMap<>();
        if (batch && checkpointConfig.isCheckpointingEnabled()) {
            System.getLogger(StreamExecutionEnvironment.class.getName()).log(System.Logger.Level.INFO,
                    "Checkpointing is disabled for job ''{0}'': it runs in BATCH mode, where Flink takes no checkpoints either", jobName);
        } else {
            all.putAll(checkpointConfig.toSettings());
        }
        if (restartStrategy != null) {
            all.putAll(restartStrategy.toSettings());
        }
        all.putAll(settings);
        all.put(RuntimeModes.SETTING, batch ? RuntimeExecutionMode.BATCH.name() : RuntimeExecutionMode.STREAMING.name());
        Pipeline pipeline = new Pipeline(jobName, sinks, new Pipeline.PipelineConfig(parallelism, maxParallelism,
                config.getAutoWatermarkInterval(), chainingEnabled, all, config));
        sinks.clear();
        AutoCloseable ui = webUi;
        JobClient client;
        try {
            client = executor(all.getOrDefault(PipelineExecutor.TARGET, PipelineExecutor.LOCAL_TARGET)).execute(pipeline);
        } catch (Exception | Error e) {
            if (ui != null) {
                webUi = null;
                closeQuietly(ui);
            }
            throw e;
        }
        if (ui != null) {
            webUi = null;
            client.getJobExecutionResult().whenComplete((result, failure) -> closeQuietly(ui));
        }
        return client;
    }

    private static void closeQuietly(AutoCloseable ui) {
        try {
            ui.close();
        } catch (Exception e) {
            System.getLogger(StreamExecutionEnvironment.class.getName()).log(System.Logger.Level.WARNING, "Stopping the web UI failed", e);
        }
    }

    /** The runtime registered for the target: Weir's own for "local", the weir-flink runner for Flink's targets. */
    private static PipelineExecutor executor(String target) {
        return RegisteredExecutors.forTarget(target, StreamExecutionEnvironment.class.getClassLoader());
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
