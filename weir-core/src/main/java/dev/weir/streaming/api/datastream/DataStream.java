package dev.weir.streaming.api.datastream;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.java.typeutils.ResultTypeQueryable;
import dev.weir.plan.aggregation.FieldKeySelector;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.CloseableIterator;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.builtin.CollectIterator;
import dev.weir.builtin.CollectSink;
import dev.weir.streaming.api.functions.sink.PrintSink;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.plan.ChainingStrategy;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Partitioning;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.api.common.JobExecutionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A stream of elements of type {@code T}, as in Flink: transformations return new streams, and nothing runs until
 * the environment's {@code execute}.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation transformation) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The plan node behind this stream; for the runtime and tools. */
    public Transformation getTransformation() {
        return transformation;
    }

    public int getId() {
        return transformation.getId();
    }

    /** The parallelism of the operator producing this stream, or the environment's default. */
    public int getParallelism() {
        int p = transformation.getParallelism();
        return p > 0 ? p : environment.getParallelism();
    }

    /**
     * The type of this stream's elements as far as Weir knows it: the type a hint gave ({@code returns(...)}, a
     * {@code TypeInformation} argument), a {@link ResultTypeQueryable} function or source declared, or the common
     * class of {@code fromData}'s elements; else {@code GenericType<java.lang.Object>}. Weir does not extract types
     * from function signatures as Flink does, and needs none of this to run.
     */
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getType() {
        TypeInformation<?> known = knownType(transformation);
        return (TypeInformation<T>) (known != null ? known : Types.GENERIC(Object.class));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return declared(addOperator("Map", new Specs.MapSpec(requireFunction(mapper, "map"))), mapper);
    }

    /** {@link #map(MapFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return hinted(map(mapper), outputType);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return declared(addOperator("Flat Map", new Specs.FlatMapSpec(requireFunction(flatMapper, "flatMap"))), flatMapper);
    }

    /** {@link #flatMap(FlatMapFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return hinted(flatMap(flatMapper), outputType);
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return sameType(addOperator("Filter", new Specs.FilterSpec(requireFunction(filter, "filter"))));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return declared(addOperator("Process", new Specs.ProcessSpec(requireFunction(processFunction, "process"))), processFunction);
    }

    /** {@link #process(ProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return hinted(process(processFunction), outputType);
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(this, requireFunction(key, "keyBy"));
    }

    /**
     * Flink 1.x: keys by tuple positions; the key is a {@code Tuple} of the fields' values ({@code Tuple1} for one).
     * A wrong position fails here when the element type is known ({@link #getType()}), else on the first element.
     *
     * @deprecated as in Flink: use {@link #keyBy(KeySelector)}
     */
    @Deprecated
    public KeyedStream<T, Tuple> keyBy(int... fields) {
        return keyBy(validated(FieldKeySelector.<T>byPositions(fields)));
    }

    /**
     * Flink 1.x: keys by field expressions ({@code "word"}, {@code "f0"}, {@code "user.id"}); the key is a
     * {@code Tuple} of the fields' values. A wrong field fails here when the element type is known, else on the
     * first element.
     *
     * @deprecated as in Flink: use {@link #keyBy(KeySelector)}
     */
    @Deprecated
    public KeyedStream<T, Tuple> keyBy(String... fields) {
        return keyBy(validated(FieldKeySelector.<T>byNames(fields)));
    }

    private FieldKeySelector<T> validated(FieldKeySelector<T> selector) {
        TypeInformation<?> type = knownType(transformation);
        if (type != null && type.getTypeClass() != Object.class) {
            selector.validateFor(type);
        }
        return selector;
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            Objects.requireNonNull(s, "union of a null stream");
            if (s.environment != environment) {
                throw new InvalidProgramException("union: the streams belong to different execution environments; build the whole job on one StreamExecutionEnvironment");
            }
            inputs.add(s.transformation);
        }
        return new DataStream<>(environment, Transformation.union(environment.nextId(), inputs));
    }

    /**
     * Connects this stream (keyed or not) with a broadcast stream; process the result with a
     * {@code BroadcastProcessFunction} or, when this stream is keyed, a {@code KeyedBroadcastProcessFunction}.
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        Objects.requireNonNull(broadcastStream, "connect with a null broadcast stream");
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        Objects.requireNonNull(other, "connect with a null stream");
        return new ConnectedStreams<>(environment, this, other);
    }

    /** Windows over the whole stream, evaluated by one subtask (parallelism 1), as in Flink. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements of the whole stream; a window fires only when full. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** The last {@code size} elements of the whole stream, evaluated every {@code slide} elements. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /** A window join with {@code other}: {@code join(other).where(k1).equalTo(k2).window(assigner).apply(f)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /** A window co-group with {@code other}: {@code coGroup(other).where(k1).equalTo(k2).window(assigner).apply(f)}. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, other);
    }

    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    public DataStream<T> rescale() {
        return partition(Partitioning.RESCALE);
    }

    public DataStream<T> shuffle() {
        return partition(Partitioning.SHUFFLE);
    }

    public DataStream<T> forward() {
        return partition(Partitioning.FORWARD);
    }

    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /**
     * Sends every element to every parallel instance of the operator this stream is connected to, which keeps the
     * broadcast states {@code broadcastStateDescriptors}; connect it with {@link #connect(BroadcastStream)}.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        Objects.requireNonNull(broadcastStateDescriptors, "broadcastStateDescriptors");
        if (broadcastStateDescriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor for the broadcast state; "
                    + "to only send every element to every subtask, use broadcast()");
        }
        for (MapStateDescriptor<?, ?> d : broadcastStateDescriptors) {
            Objects.requireNonNull(d, "broadcast(...): a broadcast state descriptor is null");
        }
        return new BroadcastStream<>(environment, broadcast(), List.of(broadcastStateDescriptors));
    }

    public DataStream<T> global() {
        return partition(Partitioning.GLOBAL);
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, Transformation.partition(environment.nextId(), partitioning, null, transformation));
    }

    /** Assigns timestamps and generates watermarks here; watermarks from upstream are dropped, as in Flink. */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
        SingleOutputStreamOperator<T> result = addOperator("Timestamps/Watermarks", new Specs.TimestampsAndWatermarksSpec(watermarkStrategy));
        result.setParallelism(getParallelism());
        return result;
    }

    /** Prints each element's {@code toString()} to standard out, prefixed by the subtask when parallel. */
    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>()).name("Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier)).name("Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>(true)).name("Print to Std. Err");
    }

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        Objects.requireNonNull(sink, "sink");
        Transformation t = Transformation.sink(environment.nextId(), "Sink", new Specs.SinkSpec(sink), transformation);
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }

    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        requireFunction(sinkFunction, "addSink");
        Transformation t = Transformation.sink(environment.nextId(), "Unnamed", new Specs.SinkFunctionSpec(sinkFunction), transformation);
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }

    /**
     * Runs the job and returns an iterator over this stream's elements, which ends when the job has terminated; closing
     * it while the job runs cancels the job.
     */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        CollectSink<T> sink = new CollectSink<>();
        sinkTo(sink).name("Collect Sink");
        JobClient client = environment.executeAsync(jobName);
        // Classes, not lambdas: a job that only collects then links none while it starts (each costs class loading).
        client.getJobExecutionResult().whenComplete(new BiConsumer<JobExecutionResult, Throwable>() {
            @Override
            public void accept(JobExecutionResult result, Throwable failure) {
                if (failure != null) {
                    sink.fail(failure);
                }
            }
        });
        // As Flink's: the iterator ends when the job has terminated, and closing it cancels only a job still running.
        CompletableFuture<JobExecutionResult> jobEnd = client.getJobExecutionResult();
        return new CollectIterator<>(sink, new Runnable() {
            @Override
            public void run() {
                if (!jobEnd.isDone()) {
                    client.cancel();
                }
            }
        }, jobEnd);
    }

    /** Runs the job and returns its first {@code limit} elements, then cancels it. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("executeAndCollect: limit must be positive, was " + limit);
        }
        List<T> results = new ArrayList<>(Math.min(limit, 1024));
        try (CloseableIterator<T> it = executeAndCollect(jobName)) {
            while (results.size() < limit && it.hasNext()) {
                results.add(it.next());
            }
        }
        return results;
    }

    /** Adds a one-input operator after this stream; subclasses (keyed streams) make it keyed. */
    protected <R> SingleOutputStreamOperator<R> addOperator(String name, OperatorSpec spec) {
        Transformation t = Transformation.operator(environment.nextId(), name, spec, List.of(transformation));
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Records this stream's known type for an operator that emits elements of its input's type. */
    <S extends DataStream<T>> S sameType(S stream) {
        stream.getTransformation().setOutputType(knownType(transformation));
        return stream;
    }

    /** Records the type a hint gave for {@code stream}'s elements. */
    static <R, S extends SingleOutputStreamOperator<R>> S hinted(S stream, TypeInformation<R> outputType) {
        stream.getTransformation().setOutputType(Objects.requireNonNull(outputType, "outputType: the type hint must not be null"));
        return stream;
    }

    /** Records the type a {@link ResultTypeQueryable} function declares for {@code stream}'s elements. */
    static <S extends DataStream<?>> S declared(S stream, Object function) {
        if (function instanceof ResultTypeQueryable<?> queryable) {
            stream.getTransformation().setOutputType(queryable.getProducedType());
        }
        return stream;
    }

    /** The type recorded for a node's output, looking through re-partitionings and unions to their input. */
    static TypeInformation<?> knownType(Transformation t) {
        Transformation current = t;
        while (current.getOutputType() == null && (current.getKind() == Transformation.Kind.PARTITION
                || current.getKind() == Transformation.Kind.UNION)) {
            current = current.getInputs().get(0);
        }
        return current.getOutputType();
    }

    static <F> F requireFunction(F function, String method) {
        if (function == null) {
            throw new NullPointerException(method + ": the function must not be null");
        }
        return function;
    }

    void markChaining(ChainingStrategy strategy) {
        transformation.setChainingStrategy(strategy);
    }
}
