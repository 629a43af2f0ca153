package dev.weir.streaming.api.datastream;

import dev.weir.plan.SourceFunctionSource;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }

    /** As in Flink, a legacy source function that is not parallel refuses any parallelism but 1, here and now. */
    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        if (parallelism != 1 && transformation.getSpec() instanceof Specs.SourceSpec spec
                && spec.source() instanceof SourceFunctionSource<?> legacy && legacy.maxParallelism() == 1) {
            throw new IllegalArgumentException("The parallelism of non parallel operator must be 1. Source '" + getName()
                    + "' runs a " + legacy.function().getClass().getName() + ", which is not a ParallelSourceFunction: "
                    + "implement ParallelSourceFunction (or extend RichParallelSourceFunction) to read in parallel");
        }
        super.setParallelism(parallelism);
        return this;
    }
}
