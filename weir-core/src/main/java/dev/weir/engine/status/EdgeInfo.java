package dev.weir.engine.status;

/** A connection between two vertices through the exchange; {@code partitioning} is FORWARD, HASH, REBALANCE, ... */
public record EdgeInfo(String source, String target, String partitioning, String sideOutput) {
}
