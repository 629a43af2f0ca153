package dev.weir.streaming.api.datastream;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.InvalidProgramException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.streaming.api.functions.co.CoFlatMapFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import java.util.List;

/**
 * Two streams, possibly of different types, processed by one two-input operator. When both are keyed (by
 * {@link #keyBy} or by connecting two keyed streams), the operator has keyed state and timers.
 */
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;

    ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
        if (first.getExecutionEnvironment() != second.getExecutionEnvironment()) {
            throw new InvalidProgramException("connect: the streams belong to different execution environments; build the whole job on one StreamExecutionEnvironment");
        }
        this.environment = environment;
        this.first = first;
        this.second = second;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** Keys both inputs, so that elements with equal keys meet in the same subtask. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(environment, first.keyBy(keySelector1), second.keyBy(keySelector2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return addOperator("Co-Map", new Specs.CoMapSpec(DataStream.requireFunction(coMapper, "map")));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return addOperator("Co-Flat Map", new Specs.CoFlatMapSpec(DataStream.requireFunction(coFlatMapper, "flatMap")));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return addOperator("Co-Process", new Specs.CoProcessSpec(DataStream.requireFunction(coProcessFunction, "process")));
    }

    /** {@link #map(CoMapFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return DataStream.hinted(map(coMapper), outputType);
    }

    /** {@link #flatMap(CoFlatMapFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper, TypeInformation<R> outputType) {
        return DataStream.hinted(flatMap(coFlatMapper), outputType);
    }

    /** {@link #process(CoProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction, TypeInformation<R> outputType) {
        return DataStream.hinted(process(coProcessFunction), outputType);
    }

    /** {@link #process(KeyedCoProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction,
                                                        TypeInformation<R> outputType) {
        return DataStream.hinted(process(keyedCoProcessFunction), outputType);
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        DataStream.requireFunction(keyedCoProcessFunction, "process");
        if (!isKeyed()) {
            throw new InvalidProgramException("A KeyedCoProcessFunction needs two keyed streams: key both inputs before connecting them "
                    + "(a.keyBy(k1).connect(b.keyBy(k2))) or call connect(...).keyBy(k1, k2) before process(...)");
        }
        return addOperator("Keyed Co-Process", new Specs.KeyedCoProcessSpec(keyedCoProcessFunction));
    }

    private boolean isKeyed() {
        return first instanceof KeyedStream && second instanceof KeyedStream;
    }

    private <R> SingleOutputStreamOperator<R> addOperator(String name, OperatorSpec spec) {
        if ((first instanceof KeyedStream) != (second instanceof KeyedStream)) {
            throw new InvalidProgramException(name + ": only one of the two connected streams is keyed; key both inputs "
                    + "(connect(...).keyBy(k1, k2)) or neither");
        }
        Transformation t = Transformation.operator(environment.nextId(), name, spec, List.of(first.getTransformation(), second.getTransformation()));
        if (isKeyed()) {
            t.setStateKeys(List.of(((KeyedStream<?, ?>) first).getKeySelector(), ((KeyedStream<?, ?>) second).getKeySelector()));
        }
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
