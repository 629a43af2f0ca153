package dev.weir.python;

/**
 * Consecutive numbers {@code first..last} (inclusive) of a number sequence, as one record: a {@link NumberRunSource}
 * emits them where only Python stages read the sequence, and a {@link PythonStage} adds the numbers to its bundle
 * unboxed, one by one, as if each had been a record of its own.
 */
record NumberRun(long first, long last) {
}
