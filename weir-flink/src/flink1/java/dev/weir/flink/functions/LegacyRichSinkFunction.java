package dev.weir.flink.functions;

/**
 * Flink's rich sink function as Flink 1.20 names it ({@code functions.sink}); Flink 2.x moved it to
 * {@code functions.sink.legacy}, so the runner's sink functions extend this per-line alias instead.
 */
@SuppressWarnings("deprecation")
public abstract class LegacyRichSinkFunction<T> extends org.apache.flink.streaming.api.functions.sink.RichSinkFunction<T> {
    private static final long serialVersionUID = 1L;
}
