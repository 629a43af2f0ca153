package dev.weir.api.common.functions;

/** Base class of the {@code Rich*Function}s: holds the runtime context and gives empty lifecycle methods. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtimeContext;

    @Override
    public void open(OpenContext openContext) throws Exception {
    }

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
