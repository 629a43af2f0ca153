package dev.weir.api.common.functions;

import dev.weir.configuration.Configuration;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext}. Opening is wired as in Flink 1.20: the
 * runtime calls {@link #open(OpenContext)} (2.x), whose default calls the deprecated {@link #open(Configuration)}
 * (1.x) with an empty configuration, so a function overriding either one has it called once, before any element.
 */
public interface RichFunction extends Function {
    /**
     * Flink 1.x's initialization hook, called by the default {@link #open(OpenContext)} with an empty configuration.
     *
     * @deprecated override {@link #open(OpenContext)} instead, as Flink 2.x requires
     */
    @Deprecated
    default void open(Configuration parameters) throws Exception {
    }

    /** Called once before the first element (and before {@code run} for a source); the default calls {@link #open(Configuration)}. */
    default void open(OpenContext openContext) throws Exception {
        open(new Configuration());
    }

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
