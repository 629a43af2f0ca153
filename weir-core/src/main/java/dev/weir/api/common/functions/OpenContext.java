package dev.weir.api.common.functions;

/** Passed to {@link RichFunction#open(OpenContext)}; reserved for future information, as in Flink 2.x. */
public interface OpenContext {
}
