package dev.weir.api;

import dev.weir.api.graph.Transformation;

/** The stream of one side output of an operator. */
public class SideOutputDataStream<T> extends DataStream<T> {
    public SideOutputDataStream(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }
}
