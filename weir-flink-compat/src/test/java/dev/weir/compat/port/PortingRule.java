package dev.weir.compat.port;

/** The one rule by which a Flink job ports to Weir, as the README states it. */
final class PortingRule {
    static final String FLINK_PREFIX = "org.apache.flink.";
    static final String WEIR_PREFIX = "dev.weir.";

    private PortingRule() {
    }

    /** Replaces every occurrence of {@code org.apache.flink.} with {@code dev.weir.}, and changes nothing else. */
    static String apply(String source) {
        return source.replace(FLINK_PREFIX, WEIR_PREFIX);
    }
}
