package dev.weir.streaming.api.functions.sink;

/**
 * Flink 1.x's sink function that drops every element, for {@code addSink}; the Sink-v2 form for {@code sinkTo} is
 * {@code dev.weir.streaming.api.functions.sink.v2.DiscardingSink}.
 */
public class DiscardingSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value) {
    }
}
