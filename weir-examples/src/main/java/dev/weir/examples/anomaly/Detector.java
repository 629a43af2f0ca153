package dev.weir.examples.anomaly;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares each reading with its sensor's statistics over the window that ended last before it (so a reading never
 * judges itself). Readings wait in state until the watermark passes them: by then the statistics of every window
 * ending at or before them have arrived, whatever order the two inputs were read in.
 */
final class Detector extends KeyedCoProcessFunction<Integer, SensorEvent, SensorStats, Alert> {
    /** Fewer readings than this in a window give no verdict. */
    static final long MIN_COUNT = 30;
    private final long slideMillis;
    private final double threshold;
    private transient ListState<SensorEvent> waiting;
    private transient MapState<Long, SensorStats> statsByEnd;

    Detector(long slideMillis, double threshold) {
        this.slideMillis = slideMillis;
        this.threshold = threshold;
    }

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", SensorEvent.class));
        statsByEnd = getRuntimeContext().getMapState(new MapStateDescriptor<>("stats", Long.class, SensorStats.class));
    }

    @Override
    public void processElement1(SensorEvent event, Context ctx, Collector<Alert> out) throws Exception {
        waiting.add(event);
        ctx.timerService().registerEventTimeTimer(event.timestamp());
    }

    @Override
    public void processElement2(SensorStats stats, Context ctx, Collector<Alert> out) throws Exception {
        statsByEnd.put(stats.windowEnd(), stats);
        // Readings up to windowEnd + slide use these statistics; none is older than that when this timer fires.
        ctx.timerService().registerEventTimeTimer(stats.windowEnd() + 2 * slideMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        statsByEnd.remove(timestamp - 2 * slideMillis);
        List<SensorEvent> later = new ArrayList<>();
        boolean judged = false;
        for (SensorEvent e : waiting.get()) {
            if (e.timestamp() <= timestamp) {
                judge(e, out);
                judged = true;
            } else {
                later.add(e);
            }
        }
        if (judged) {
            waiting.update(later);
        }
    }

    private void judge(SensorEvent e, Collector<Alert> out) throws Exception {
        SensorStats s = statsByEnd.get(Math.floorDiv(e.timestamp(), slideMillis) * slideMillis);
        if (s != null && s.count() >= MIN_COUNT && s.sigma() > 0 && Math.abs(e.value() - s.mean()) > threshold * s.sigma()) {
            out.collect(new Alert(e.sensorId(), e.timestamp(), e.value(), s.mean(), s.sigma()));
        }
    }
}
