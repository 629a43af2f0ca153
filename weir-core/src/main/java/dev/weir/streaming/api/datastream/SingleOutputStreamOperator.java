package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.api.common.typeinfo.TypeHint;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.util.OutputTag;
import dev.weir.plan.ChainingStrategy;
import dev.weir.plan.Transformation;
import java.util.Objects;

/** The stream an operator produces, with the operator's settings: name, uid, parallelism, chaining, side outputs. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }

    public String getName() {
        return transformation.getName();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** A stable id that matches this operator's state across job versions (savepoints). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid, "uid"));
        return this;
    }

    /** Accepted for Flink compatibility; Weir matches state by {@link #uid}. */
    public SingleOutputStreamOperator<T> setUidHash(String uidHash) {
        return this;
    }

    /** Accepted for Flink compatibility; shown on the dashboard later. */
    public SingleOutputStreamOperator<T> setDescription(String description) {
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (parallelism <= 0) {
            throw new IllegalArgumentException("The parallelism of '" + getName() + "' must be at least 1, was " + parallelism);
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        if (maxParallelism <= 0 || maxParallelism > 32768) {
            throw new IllegalArgumentException("The max parallelism of '" + getName() + "' must be between 1 and 32768, was " + maxParallelism);
        }
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Runs this operator in a task of its own, neither chained to its input nor to its consumers. */
    public SingleOutputStreamOperator<T> disableChaining() {
        markChaining(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain at this operator; consumers may still chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        markChaining(ChainingStrategy.HEAD);
        return this;
    }

    /** Accepted for Flink compatibility: Weir runs every task in one process and has no slots. */
    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(Objects.requireNonNull(slotSharingGroup, "slotSharingGroup"));
        return this;
    }

    /** The element type, for {@link #getType()}; accepted for Flink compatibility, Weir needs no type hints. */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(Objects.requireNonNull(typeInfo, "returns: the type information must not be null"));
        return this;
    }

    /** The element type as a type hint, e.g. {@code returns(new TypeHint<Tuple2<String, Integer>>(){})}. */
    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(Objects.requireNonNull(typeHint, "returns: the type hint must not be null").getTypeInfo());
    }

    /** The element type as a class, e.g. {@code returns(String.class)}. */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeInformation.of(Objects.requireNonNull(typeClass, "returns: the class must not be null")));
    }

    /** The elements this operator emitted to the side output {@code sideOutputTag}. */
    public <X> SideOutputDataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        Objects.requireNonNull(sideOutputTag, "sideOutputTag");
        Transformation t = Transformation.sideOutput(environment.nextId(), sideOutputTag, transformation);
        return new SideOutputDataStream<>(environment, t);
    }
}
