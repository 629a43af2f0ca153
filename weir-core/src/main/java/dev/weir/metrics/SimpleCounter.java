package dev.weir.metrics;

/** A counter for one thread's updates; readers on other threads may see a slightly stale value. */
public final class SimpleCounter implements Counter {
    private long count;

    @Override
    public void inc() {
        count++;
    }

    @Override
    public void inc(long n) {
        count += n;
    }

    @Override
    public void dec() {
        count--;
    }

    @Override
    public void dec(long n) {
        count -= n;
    }

    @Override
    public long getCount() {
        return count;
    }
}
