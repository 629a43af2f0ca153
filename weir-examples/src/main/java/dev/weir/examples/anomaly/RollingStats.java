package dev.weir.examples.anomaly;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.windows.TimeWindow;

/** Incremental mean and standard deviation of a sensor's readings per window, emitted with the window's end. */
final class RollingStats {
    private RollingStats() {
    }

    /** Adds readings into {@link Moments}; merges for sliding-window slices. */
    static final class Accumulate implements AggregateFunction<SensorEvent, Moments, Moments> {
        @Override
        public Moments createAccumulator() {
            return new Moments();
        }

        @Override
        public Moments add(SensorEvent event, Moments m) {
            m.count++;
            m.sum += event.value();
            m.sumOfSquares += event.value() * event.value();
            return m;
        }

        @Override
        public Moments getResult(Moments m) {
            return m;
        }

        @Override
        public Moments merge(Moments a, Moments b) {
            Moments m = new Moments();
            m.count = a.count + b.count;
            m.sum = a.sum + b.sum;
            m.sumOfSquares = a.sumOfSquares + b.sumOfSquares;
            return m;
        }
    }

    /** Labels the window's moments with the sensor and the window's end. */
    static final class Label extends ProcessWindowFunction<Moments, SensorStats, Integer, TimeWindow> {
        @Override
        public void process(Integer sensor, Context context, Iterable<Moments> elements, Collector<SensorStats> out) {
            Moments m = elements.iterator().next();
            out.collect(new SensorStats(sensor, context.window().getEnd(), m.count, m.mean(), m.sigma()));
        }
    }
}
