package dev.weir.builtin;

/**
 * What Weir's source tasks add to the {@code ReaderOutput} they hand a reader: emitting a {@code long} record without
 * the reader boxing it. A reader of numbers (Weir's {@code fromSequence}) that boxed each number itself would pass the
 * {@code Long} into the task's emit method, which the JIT compiles on its own with the whole chain inlined into it
 * and then refuses to inline into the reader's loop ("already compiled into a big method"): the box escapes and is
 * allocated for every record. Boxed inside the task's method instead, it meets the chain's unboxing in one compiled
 * method, where escape analysis removes it. The record the chain sees is the same {@code Long}. Weir-only; readers
 * that do not use it are correct, only allocate more.
 */
public interface LongReaderOutput {
    /** Emits {@code value} as a {@code Long} record without a timestamp, as {@code collect(Long.valueOf(value))}. */
    void collectLong(long value);

    /** The output's {@link LongReaderOutput}, or null when it has none; readers call this once per poll. */
    static LongReaderOutput of(Object readerOutput) {
        return readerOutput instanceof LongReaderOutput longs ? longs : null;
    }
}
