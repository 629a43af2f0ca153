package dev.weir.runtime.windowing;

import dev.weir.api.functions.OutputTag;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.windowing.windows.Window;

/** What the runtime tells a window function about the window it evaluates. */
interface WindowFunctionContext {
    Window window();

    long currentProcessingTime();

    long currentWatermark();

    KeyedStateStore windowState();

    KeyedStateStore globalState();

    void output(OutputTag<?> tag, Object value);
}
