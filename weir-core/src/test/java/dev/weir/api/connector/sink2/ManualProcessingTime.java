package dev.weir.api.connector.sink2;

import dev.weir.api.common.operators.ProcessingTimeService;
import java.util.ArrayList;
import java.util.List;

/** A processing-time service test double: the time moves only by {@link #advanceTo}, which fires the due timers. */
public final class ManualProcessingTime implements ProcessingTimeService {
    private long now;
    private final List<long[]> times = new ArrayList<>();
    private final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

    public ManualProcessingTime(long start) {
        this.now = start;
    }

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    @Override
    public void registerTimer(long timestamp, ProcessingTimeCallback target) {
        times.add(new long[] {timestamp});
        callbacks.add(target);
    }

    /** Sets the time and fires, in time order, every timer before it (a timer for t fires once the clock passed t). */
    public void advanceTo(long time) throws Exception {
        now = time;
        while (true) {
            int due = -1;
            for (int i = 0; i < times.size(); i++) {
                if (times.get(i)[0] < time && (due < 0 || times.get(i)[0] < times.get(due)[0])) {
                    due = i;
                }
            }
            if (due < 0) {
                return;
            }
            long at = times.remove(due)[0];
            callbacks.remove(due).onProcessingTime(at);
        }
    }
}
