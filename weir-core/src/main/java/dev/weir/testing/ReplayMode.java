package dev.weir.testing;

/**
 * The hostile ways {@link ReplayVerifier} replays an input, besides the uninterrupted run every mode is compared with.
 */
public enum ReplayMode {
    /**
     * After every element: a snapshot, then a fresh instance from the harness factory restored from it, which takes
     * the rest of the input. The output after every step must equal the uninterrupted run's after the same step.
     */
    RESTORE_AFTER_EVERY_ELEMENT,
    /** The same after every watermark of the input. */
    RESTORE_AFTER_EVERY_WATERMARK,
    /**
     * Before every element, the input is marked idle and active again (one-input operators), and the watermark of the
     * element's input advances as far as it may without making a later element late: to just below the earliest timestamp still to come before the input's
     * next watermark. Results may come earlier, so the output must hold the same elements in any order.
     */
    EXTRA_WATERMARKS_AND_IDLENESS
}
