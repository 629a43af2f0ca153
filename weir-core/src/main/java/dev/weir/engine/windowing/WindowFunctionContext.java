package dev.weir.engine.windowing;

import dev.weir.util.OutputTag;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.streaming.api.windowing.windows.Window;

/** What the runtime tells a window function about the window it evaluates. */
interface WindowFunctionContext {
    Window window();

    long currentProcessingTime();

    long currentWatermark();

    KeyedStateStore windowState();

    KeyedStateStore globalState();

    void output(OutputTag<?> tag, Object value);
}
