package dev.weir.builtin;

/**
 * What Weir's source tasks add to the {@code ReaderOutput} they hand a reader: whether the reader should end its
 * {@code pollNext} now, because a checkpoint waits for the task thread. Weir's own readers emit up to a thousand
 * records per poll for speed and check this after each record, so a slow function chained to the source (a Python
 * {@code map}, a blocking call) cannot hold a checkpoint back until the whole poll is done. Weir-only; readers that do
 * not check it are correct, only slower to checkpoint.
 */
public interface ReaderYield {
    /** Whether the task asks the reader to return from {@code pollNext} after the record it just emitted. */
    boolean yieldRequested();

    /** The output's {@link ReaderYield}, or one that never asks to yield; readers call this once per poll. */
    static ReaderYield of(Object readerOutput) {
        return readerOutput instanceof ReaderYield yield ? yield : NEVER;
    }

    /** Never asks to yield: the output of a reader run outside a Weir source task. */
    ReaderYield NEVER = new ReaderYield() {
        // A class, not a lambda: initializing this interface (every source task's first poll) links no lambda.
        @Override
        public boolean yieldRequested() {
            return false;
        }
    };
}
