package dev.weir.flink.functions;

import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFunction;

/** Opens and closes a wrapped Weir function when its Flink wrapper is opened and closed. */
final class WeirLifecycle {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private WeirLifecycle() {
    }

    static void open(Function weir, org.apache.flink.api.common.functions.RuntimeContext flink) throws Exception {
        if (weir instanceof RichFunction rich) {
            rich.setRuntimeContext(new FlinkRuntimeContextAdapter(flink));
            rich.open(OPEN_CONTEXT);
        }
    }

    static void close(Function weir) throws Exception {
        if (weir instanceof RichFunction rich) {
            rich.close();
        }
    }
}
