package dev.weir.api.common.functions;

/** The {@link OpenContext} of Flink 2.x's API, for code that opens a function itself (e.g. in a unit test). */
public class DefaultOpenContext implements OpenContext {
    public static final OpenContext INSTANCE = new DefaultOpenContext();
}
