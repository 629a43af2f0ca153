package dev.weir.api.common.functions;

/**
 * Base class of the {@code Rich*Function}s: holds the runtime context and gives empty lifecycle methods. Override
 * {@code open(OpenContext)} (Flink 2.x) or the deprecated {@code open(Configuration)} (Flink 1.x): either is called
 * once, as {@link RichFunction} describes.
 */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtimeContext;

    @Override
    public void close() throws Exception {
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is available only after the function was opened by a running job");
        }
        return runtimeContext;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }
}
