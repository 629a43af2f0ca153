package dev.weir.streaming.api.datastream;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.InvalidProgramException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import java.util.List;

/**
 * A keyed or non-keyed stream connected to a {@link BroadcastStream}, processed by a {@link BroadcastProcessFunction}
 * (non-keyed) or a {@link KeyedBroadcastProcessFunction} (keyed). The first input is the non-broadcast one.
 */
public final class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcast;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(StreamExecutionEnvironment environment, DataStream<IN1> nonBroadcast, BroadcastStream<IN2> broadcast) {
        if (broadcast.getExecutionEnvironment() != environment) {
            throw new InvalidProgramException("connect: the broadcast stream belongs to another execution environment; "
                    + "build the whole job on one StreamExecutionEnvironment");
        }
        this.environment = environment;
        this.nonBroadcast = nonBroadcast;
        this.broadcast = broadcast;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return nonBroadcast;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcast;
    }

    /** Processes a keyed stream with a broadcast one; keyed state and timers apply to the keyed input's key. */
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
        DataStream.requireFunction(function, "process");
        if (!(nonBroadcast instanceof KeyedStream<?, ?> keyed)) {
            throw new InvalidProgramException("A KeyedBroadcastProcessFunction needs a keyed first input: call keyBy(...) before "
                    + "connect(broadcastStream), or use a BroadcastProcessFunction");
        }
        Transformation t = transformation("Co-Process-Broadcast-Keyed",
                new Specs.KeyedBroadcastProcessSpec(function, broadcast.getBroadcastStateDescriptors()));
        t.setStateKeys(List.of(keyed.getKeySelector()));
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Processes a non-keyed stream with a broadcast one. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        DataStream.requireFunction(function, "process");
        if (nonBroadcast instanceof KeyedStream) {
            throw new InvalidProgramException("A BroadcastProcessFunction needs a non-keyed first input, but it is keyed: "
                    + "use a KeyedBroadcastProcessFunction, or connect the stream before keyBy(...)");
        }
        return new SingleOutputStreamOperator<>(environment, transformation("Co-Process-Broadcast",
                new Specs.BroadcastProcessSpec(function, broadcast.getBroadcastStateDescriptors())));
    }

    /** {@link #process(KeyedBroadcastProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
                                                             TypeInformation<OUT> outTypeInfo) {
        return DataStream.hinted(process(function), outTypeInfo);
    }

    /** {@link #process(BroadcastProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function, TypeInformation<OUT> outTypeInfo) {
        return DataStream.hinted(process(function), outTypeInfo);
    }

    private Transformation transformation(String name, OperatorSpec spec) {
        Transformation t = Transformation.operator(environment.nextId(), name, spec,
                List.of(nonBroadcast.getTransformation(), broadcast.getBroadcastInput().getTransformation()));
        return t;
    }
}
