package dev.weir.flink.functions;

/**
 * Flink's rich sink function as Flink 2.x names it ({@code functions.sink.legacy}); Flink 1.20 has it in
 * {@code functions.sink}, so the runner's sink functions extend this per-line alias instead.
 */
public abstract class LegacyRichSinkFunction<T> extends org.apache.flink.streaming.api.functions.sink.legacy.RichSinkFunction<T> {
    private static final long serialVersionUID = 1L;
}
