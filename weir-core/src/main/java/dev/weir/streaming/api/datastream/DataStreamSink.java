package dev.weir.streaming.api.datastream;

import dev.weir.plan.ChainingStrategy;
import dev.weir.plan.Transformation;
import java.util.Objects;

/** The end of a stream in a sink, with the sink's settings. */
public class DataStreamSink<T> {
    private final Transformation transformation;

    public DataStreamSink(Transformation transformation) {
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    public Transformation getTransformation() {
        return transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(Objects.requireNonNull(name, "name"));
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid, "uid"));
        return this;
    }

    public DataStreamSink<T> setUidHash(String uidHash) {
        return this;
    }

    public DataStreamSink<T> setDescription(String description) {
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        if (parallelism <= 0) {
            throw new IllegalArgumentException("The parallelism of sink '" + transformation.getName() + "' must be at least 1, was " + parallelism);
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Accepted for Flink compatibility: Weir runs every task in one process and has no slots. */
    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }
}
