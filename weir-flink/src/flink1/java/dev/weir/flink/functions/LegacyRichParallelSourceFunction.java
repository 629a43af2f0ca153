package dev.weir.flink.functions;

/**
 * Flink's rich parallel source function as Flink 1.20 names it ({@code functions.source}); Flink 2.x moved it to
 * {@code functions.source.legacy}, so the runner's source extends this per-line alias instead.
 */
@SuppressWarnings("deprecation")
public abstract class LegacyRichParallelSourceFunction<T>
        extends org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
