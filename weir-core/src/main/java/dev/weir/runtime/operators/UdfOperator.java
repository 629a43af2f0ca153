package dev.weir.runtime.operators;

import dev.weir.api.functions.Function;
import dev.weir.api.functions.OpenContext;
import dev.weir.api.functions.RichFunction;
import java.util.Objects;

/** An operator around one user function: opens and closes it when it is a {@link RichFunction}. */
public abstract class UdfOperator<F extends Function> extends AbstractStreamOperator {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    protected final F function;

    protected UdfOperator(F function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public void open() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context.runtimeContext());
            rich.open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }

    public F getUserFunction() {
        return function;
    }
}
