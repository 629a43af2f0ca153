package dev.weir.api;

import dev.weir.api.graph.Transformation;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }
}
