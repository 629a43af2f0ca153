package dev.weir.testing;

import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.KeyedTimerServices;
import dev.weir.engine.time.Triggerable;
import java.util.ArrayList;
import java.util.List;

/** The real heap timer services, remembering each service the operator asks for so the harness can count timers. */
final class HarnessTimerServices implements KeyedTimerServices {
    private final HeapTimerServices heap;
    private final List<InternalTimerService<?>> services = new ArrayList<>();

    HarnessTimerServices(HeapTimerServices heap) {
        this.heap = heap;
    }

    @Override
    public <N> InternalTimerService<N> getTimerService(String name, Triggerable<N> target) {
        InternalTimerService<N> service = heap.getTimerService(name, target);
        if (!services.contains(service)) {
            services.add(service);
        }
        return service;
    }

    @Override
    public void advanceWatermark(long watermark) throws Exception {
        heap.advanceWatermark(watermark);
    }

    @Override
    public long currentWatermark() {
        return heap.currentWatermark();
    }

    HeapTimerServices heap() {
        return heap;
    }

    int numEventTimeTimers() {
        int n = 0;
        for (InternalTimerService<?> service : services) {
            n += service.numEventTimeTimers();
        }
        return n;
    }

    int numProcessingTimeTimers() {
        int n = 0;
        for (InternalTimerService<?> service : services) {
            n += service.numProcessingTimeTimers();
        }
        return n;
    }
}
