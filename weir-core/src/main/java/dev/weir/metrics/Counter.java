package dev.weir.metrics;

/** A metric that counts up (or down). */
public interface Counter {
    void inc();

    void inc(long n);

    void dec();

    void dec(long n);

    long getCount();
}
