package dev.weir.flink.functions;

import dev.weir.metrics.Counter;
import dev.weir.metrics.Gauge;
import dev.weir.metrics.MetricGroup;

/** Weir's metric group on Flink's: counters and gauges register with Flink's metric system under the same names. */
final class FlinkMetricGroup implements MetricGroup {
    private final org.apache.flink.metrics.MetricGroup flink;

    FlinkMetricGroup(org.apache.flink.metrics.MetricGroup flink) {
        this.flink = flink;
    }

    @Override
    public Counter counter(String name) {
        org.apache.flink.metrics.Counter counter = flink.counter(name);
        return new Counter() {
            @Override
            public void inc() {
                counter.inc();
            }

            @Override
            public void inc(long n) {
                counter.inc(n);
            }

            @Override
            public void dec() {
                counter.dec();
            }

            @Override
            public void dec(long n) {
                counter.dec(n);
            }

            @Override
            public long getCount() {
                return counter.getCount();
            }
        };
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        flink.counter(name, new org.apache.flink.metrics.Counter() {
            @Override
            public void inc() {
                counter.inc();
            }

            @Override
            public void inc(long n) {
                counter.inc(n);
            }

            @Override
            public void dec() {
                counter.dec();
            }

            @Override
            public void dec(long n) {
                counter.dec(n);
            }

            @Override
            public long getCount() {
                return counter.getCount();
            }
        });
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        flink.gauge(name, (org.apache.flink.metrics.Gauge<T>) gauge::getValue);
        return gauge;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new FlinkMetricGroup(flink.addGroup(name));
    }
}
