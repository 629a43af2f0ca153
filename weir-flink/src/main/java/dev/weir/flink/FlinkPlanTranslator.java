package dev.weir.flink;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.SupportsWriterState;
import dev.weir.flink.functions.BroadcastStates;
import dev.weir.flink.functions.NonEmptyReduceResult;
import dev.weir.flink.functions.SideOutputTags;
import dev.weir.flink.functions.WeirBroadcastProcessFunction;
import dev.weir.flink.functions.WeirKeyedBroadcastProcessFunction;
import dev.weir.flink.functions.WeirCoFlatMapFunction;
import dev.weir.flink.functions.WeirCoProcessFunction;
import dev.weir.flink.functions.WeirEvictor;
import dev.weir.flink.functions.WeirKeyedCoProcessFunction;
import dev.weir.flink.functions.WeirAggregateFunction;
import dev.weir.flink.functions.WeirFilterFunction;
import dev.weir.flink.functions.WeirFlatMapFunction;
import dev.weir.flink.functions.WeirKeySelector;
import dev.weir.flink.functions.WeirKeyedProcessFunction;
import dev.weir.flink.functions.WeirMapFunction;
import dev.weir.flink.functions.WeirMergingWindowAssigner;
import dev.weir.flink.functions.WeirProcessFunction;
import dev.weir.flink.functions.WeirProcessJoinFunction;
import dev.weir.flink.functions.WeirReduceFunction;
import dev.weir.flink.functions.WeirSink;
import dev.weir.flink.functions.WeirSinkFunction;
import dev.weir.flink.functions.WeirSinkWriterFunction;
import dev.weir.flink.functions.WeirSourceFunction;
import dev.weir.flink.functions.WeirTrigger;
import dev.weir.flink.functions.WeirWatermarkStrategy;
import dev.weir.flink.functions.WeirWindowAssigner;
import dev.weir.flink.functions.WeirWindowFunction;
import dev.weir.plan.ChainingStrategy;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Pipeline;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.ConnectedStreams;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;

/**
 * Builds the Flink program of a Weir job: one Flink transformation per Weir transformation, each Weir function,
 * key selector, watermark strategy, window assigner, trigger, evictor and output tag wrapped in its Flink
 * counterpart, with the names, uids, parallelism, max parallelism, slot sharing groups and chaining of the Weir plan. Call
 * {@link PlanRefusals#check} first: this class assumes every operator is translatable.
 */
@SuppressWarnings({"rawtypes", "unchecked", "deprecation"})
final class FlinkPlanTranslator {
    private final StreamExecutionEnvironment flink;
    private final Map<Integer, DataStream<Object>> streams = new HashMap<>();

    private FlinkPlanTranslator(StreamExecutionEnvironment flink) {
        this.flink = flink;
    }

    /** Adds the program of {@code pipeline} to {@code flink}, which is then ready to execute. */
    static void translate(Pipeline pipeline, StreamExecutionEnvironment flink) {
        FlinkPlanTranslator translator = new FlinkPlanTranslator(flink);
        for (Transformation sink : pipeline.sinks()) {
            translator.sink(sink);
        }
    }

    private DataStream<Object> stream(Transformation t) {
        DataStream<Object> stream = streams.get(t.getId());
        if (stream == null) {
            stream = translate(t);
            streams.put(t.getId(), stream);
        }
        return stream;
    }

    private DataStream<Object> translate(Transformation t) {
        return switch (t.getKind()) {
            case SOURCE -> source(t, (Specs.SourceSpec) t.getSpec());
            case OPERATOR -> configure(operator(t), t);
            case UNION -> union(t.getInputs());
            case PARTITION -> partition(t);
            case SIDE_OUTPUT -> ((SingleOutputStreamOperator<Object>) stream(t.getInputs().get(0)))
                    .getSideOutput(SideOutputTags.toFlink(t.getSideOutputTag()));
            case SINK -> throw new IllegalStateException("A sink has no output stream: " + t);
        };
    }

    private DataStream<Object> source(Transformation t, Specs.SourceSpec spec) {
        SingleOutputStreamOperator<Object> source = flink.addSource(new WeirSourceFunction(spec.source()), t.getName(), FlinkTypes.OBJECT);
        configure(source, t);
        // Applied even without watermarks: the strategy may still assign timestamps (noWatermarks().withTimestampAssigner).
        SingleOutputStreamOperator<Object> withWatermarks = source.assignTimestampsAndWatermarks(new WeirWatermarkStrategy(spec.watermarkStrategy()))
                .name(t.getName() + " Timestamps/Watermarks");
        if (t.getUid() != null) {
            withWatermarks.uid(t.getUid() + "-watermarks");
        }
        if (source.getParallelism() > 0) {
            withWatermarks.setParallelism(source.getParallelism());
        }
        return withWatermarks;
    }

    private SingleOutputStreamOperator<Object> operator(Transformation t) {
        OperatorSpec spec = t.getSpec();
        if (spec instanceof Specs.MapSpec map) {
            return input(t).map(new WeirMapFunction(map.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.FlatMapSpec flatMap) {
            return input(t).flatMap(new WeirFlatMapFunction(flatMap.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.FilterSpec filter) {
            return input(t).filter(new WeirFilterFunction(filter.function()));
        }
        if (spec instanceof Specs.ProcessSpec process) {
            return input(t).process(new WeirProcessFunction(process.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.TimestampsAndWatermarksSpec watermarks) {
            return input(t).assignTimestampsAndWatermarks(new WeirWatermarkStrategy(watermarks.watermarkStrategy()));
        }
        if (spec instanceof Specs.KeyedProcessSpec process) {
            return keyed(t).process(new WeirKeyedProcessFunction(process.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.KeyedReduceSpec reduce) {
            return keyed(t).reduce(new WeirReduceFunction(reduce.function()));
        }
        if (spec instanceof WindowSpecs.WindowSpec window) {
            return window(t, window);
        }
        if (spec instanceof WindowSpecs.IntervalJoinSpec join) {
            return intervalJoin(t, join);
        }
        if (spec instanceof Specs.BroadcastProcessSpec broadcast) {
            return input(t).connect(broadcastInput(t, broadcast.broadcastStates()))
                    .process(new WeirBroadcastProcessFunction(broadcast.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.KeyedBroadcastProcessSpec broadcast) {
            return keyed(t).connect(broadcastInput(t, broadcast.broadcastStates()))
                    .process(new WeirKeyedBroadcastProcessFunction(broadcast.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.CoMapSpec map) {
            return connected(t).flatMap(new WeirCoFlatMapFunction(map.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.CoFlatMapSpec flatMap) {
            return connected(t).flatMap(new WeirCoFlatMapFunction(flatMap.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.CoProcessSpec process) {
            return connected(t).process(new WeirCoProcessFunction(process.function()), FlinkTypes.OBJECT);
        }
        if (spec instanceof Specs.KeyedCoProcessSpec process) {
            return connected(t).process(new WeirKeyedCoProcessFunction(process.function()), FlinkTypes.OBJECT);
        }
        throw new IllegalStateException("Not translatable, and PlanRefusals should have said so: " + t);
    }

    private SingleOutputStreamOperator<Object> window(Transformation t, WindowSpecs.WindowSpec spec) {
        WindowedStream windowed = keyed(t).window(assigner(spec));
        if (spec.customTrigger()) {
            windowed = windowed.trigger(new WeirTrigger(spec.trigger()));
        }
        if (spec.evictor() != null) {
            windowed = windowed.evictor(new WeirEvictor(spec.evictor()));
        }
        if (spec.allowedLateness() > 0) {
            windowed = windowed.allowedLateness(Duration.ofMillis(spec.allowedLateness()));
        }
        if (spec.lateDataOutputTag() != null) {
            windowed = windowed.sideOutputLateData(SideOutputTags.toFlink(spec.lateDataOutputTag()));
        }
        Function pre = spec.preAggregation();
        Function windowFunction = spec.windowFunction();
        WeirWindowFunction wrapped = windowFunction == null ? null : new WeirWindowFunction(windowFunction);
        if (pre instanceof ReduceFunction reduce) {
            WeirReduceFunction reducer = new WeirReduceFunction(reduce);
            if (spec.evictor() != null) {
                return windowed.reduce(reducer, new NonEmptyReduceResult(wrapped), FlinkTypes.OBJECT);
            }
            return wrapped == null ? windowed.reduce(reducer) : windowed.reduce(reducer, wrapped, FlinkTypes.OBJECT);
        }
        if (pre instanceof AggregateFunction aggregate) {
            WeirAggregateFunction aggregator = new WeirAggregateFunction(aggregate);
            return wrapped == null ? windowed.aggregate(aggregator, FlinkTypes.OBJECT, FlinkTypes.OBJECT)
                    : windowed.aggregate(aggregator, wrapped, FlinkTypes.OBJECT, FlinkTypes.OBJECT, FlinkTypes.OBJECT);
        }
        return windowed.process(wrapped, FlinkTypes.OBJECT);
    }

    private static WindowAssigner assigner(WindowSpecs.WindowSpec spec) {
        if (spec.assigner() instanceof GlobalWindows) {
            return org.apache.flink.streaming.api.windowing.assigners.GlobalWindows.create();
        }
        if (spec.assigner() instanceof MergingWindowAssigner merging) {
            return new WeirMergingWindowAssigner(merging);
        }
        return new WeirWindowAssigner(spec.assigner());
    }

    private DataStream<Object> input(Transformation t) {
        return stream(t.getInputs().get(0));
    }

    /** The keyed input of a keyed operator: the keyBy before it, or the operator's own key selector. */
    private KeyedStream<Object, Object> keyed(Transformation t) {
        DataStream<Object> input = input(t);
        if (input instanceof KeyedStream keyed) {
            return keyed;
        }
        return input.keyBy(new WeirKeySelector(t.getStateKeys().get(0)), FlinkTypes.OBJECT);
    }

    /**
     * The second input of a broadcast process function as Flink's broadcast stream with the same state descriptors;
     * Weir's plan has a BROADCAST partitioning there, which Flink's {@code broadcast(descriptors)} includes.
     */
    private BroadcastStream<Object> broadcastInput(Transformation t, List<dev.weir.api.common.state.MapStateDescriptor<?, ?>> descriptors) {
        Transformation input = t.getInputs().get(1);
        if (input.getKind() == Transformation.Kind.PARTITION && input.getPartitioning() == dev.weir.plan.Partitioning.BROADCAST) {
            input = input.getInputs().get(0);
        }
        org.apache.flink.api.common.state.MapStateDescriptor<?, ?>[] flinkDescriptors =
                new org.apache.flink.api.common.state.MapStateDescriptor<?, ?>[descriptors.size()];
        for (int i = 0; i < flinkDescriptors.length; i++) {
            flinkDescriptors[i] = BroadcastStates.toFlink(descriptors.get(i));
        }
        return stream(input).broadcast(flinkDescriptors);
    }

    /** Flink's interval join with Weir's bounds (milliseconds, each inclusive or not) and late-data side outputs. */
    private SingleOutputStreamOperator<Object> intervalJoin(Transformation t, WindowSpecs.IntervalJoinSpec spec) {
        KeyedStream<Object, Object> left = keyedInput(t, 0);
        KeyedStream<Object, Object> right = keyedInput(t, 1);
        KeyedStream.IntervalJoined<Object, Object, Object> joined = new KeyedStream.IntervalJoined<>(left, right,
                spec.lowerBound(), spec.upperBound(), spec.lowerBoundInclusive(), spec.upperBoundInclusive());
        if (spec.leftLateDataOutputTag() != null) {
            joined = joined.sideOutputLeftLateData(SideOutputTags.toFlink(spec.leftLateDataOutputTag()));
        }
        if (spec.rightLateDataOutputTag() != null) {
            joined = joined.sideOutputRightLateData(SideOutputTags.toFlink(spec.rightLateDataOutputTag()));
        }
        return joined.process(new WeirProcessJoinFunction(spec.function()), FlinkTypes.OBJECT);
    }

    private KeyedStream<Object, Object> keyedInput(Transformation t, int index) {
        DataStream<Object> input = stream(t.getInputs().get(index));
        return input instanceof KeyedStream keyed ? keyed
                : input.keyBy(new WeirKeySelector(t.getStateKeys().get(index)), FlinkTypes.OBJECT);
    }

    /** The two inputs of a co-operator connected; both keyed by their own key selectors when the operator is keyed. */
    private ConnectedStreams<Object, Object> connected(Transformation t) {
        DataStream<Object> first = stream(t.getInputs().get(0));
        DataStream<Object> second = stream(t.getInputs().get(1));
        if (t.getStateKeys().size() == 2) {
            if (!(first instanceof KeyedStream)) {
                first = first.keyBy(new WeirKeySelector(t.getStateKeys().get(0)), FlinkTypes.OBJECT);
            }
            if (!(second instanceof KeyedStream)) {
                second = second.keyBy(new WeirKeySelector(t.getStateKeys().get(1)), FlinkTypes.OBJECT);
            }
        }
        return first.connect(second);
    }

    private DataStream<Object> union(List<Transformation> inputs) {
        DataStream<Object> first = stream(inputs.get(0));
        DataStream<Object>[] rest = new DataStream[inputs.size() - 1];
        for (int i = 1; i < inputs.size(); i++) {
            rest[i - 1] = stream(inputs.get(i));
        }
        return first.union(rest);
    }

    private DataStream<Object> partition(Transformation t) {
        DataStream<Object> input = input(t);
        return switch (t.getPartitioning()) {
            case HASH -> input.keyBy(new WeirKeySelector(t.getPartitionKey()), FlinkTypes.OBJECT);
            case FORWARD -> input.forward();
            case REBALANCE -> input.rebalance();
            case SHUFFLE -> input.shuffle();
            case BROADCAST -> input.broadcast();
            case GLOBAL -> input.global();
            case RESCALE -> input.rescale();
        };
    }

    private void sink(Transformation t) {
        DataStream<Object> input = input(t);
        DataStreamSink<Object> sink;
        if (t.getSpec() instanceof Specs.SinkFunctionSpec function) {
            sink = input.addSink(new WeirSinkFunction(function.function()));
        } else {
            dev.weir.api.connector.sink2.Sink<?> weir = ((Specs.SinkSpec) t.getSpec()).sink();
            // Two-phase-commit sinks run in Flink's writer and committer operators, which keep their state and
            // committables in Flink's checkpoints; a plain writer runs in a sink function, flushed at each checkpoint.
            sink = weir instanceof SupportsCommitter || weir instanceof SupportsWriterState
                    ? input.sinkTo(new WeirSink(weir)) : input.addSink(new WeirSinkWriterFunction(weir));
        }
        sink.name(t.getName());
        if (t.getUid() != null) {
            sink.uid(t.getUid());
        }
        if (t.getParallelism() > 0) {
            sink.setParallelism(t.getParallelism());
        }
        if (!"default".equals(t.getSlotSharingGroup())) {
            sink.slotSharingGroup(t.getSlotSharingGroup());
        }
        if (t.getChainingStrategy() == ChainingStrategy.NEVER) {
            sink.disableChaining();
        }
    }

    private static SingleOutputStreamOperator<Object> configure(SingleOutputStreamOperator<Object> op, Transformation t) {
        op.name(t.getName());
        if (t.getUid() != null) {
            op.uid(t.getUid());
        }
        if (t.getParallelism() > 0) {
            op.setParallelism(t.getParallelism());
        }
        if (t.getMaxParallelism() > 0) {
            op.setMaxParallelism(t.getMaxParallelism());
        }
        if (!"default".equals(t.getSlotSharingGroup())) {
            op.slotSharingGroup(t.getSlotSharingGroup());
        }
        if (t.getChainingStrategy() == ChainingStrategy.HEAD) {
            op.startNewChain();
        } else if (t.getChainingStrategy() == ChainingStrategy.NEVER) {
            op.disableChaining();
        }
        return op;
    }
}
