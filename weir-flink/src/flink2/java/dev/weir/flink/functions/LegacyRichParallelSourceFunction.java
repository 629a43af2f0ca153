package dev.weir.flink.functions;

/**
 * Flink's rich parallel source function as Flink 2.x names it ({@code functions.source.legacy}); Flink 1.20 has it in
 * {@code functions.source}, so the runner's source extends this per-line alias instead.
 */
public abstract class LegacyRichParallelSourceFunction<T>
        extends org.apache.flink.streaming.api.functions.source.legacy.RichParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
