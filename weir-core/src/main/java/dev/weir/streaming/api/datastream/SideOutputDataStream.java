package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.plan.Transformation;

/** The stream of one side output of an operator. */
public class SideOutputDataStream<T> extends DataStream<T> {
    public SideOutputDataStream(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }
}
