package dev.weir.testing;

/**
 * One item of a replayed input: an element or watermark, and the input it goes to (0 for a one-input operator, 1 or 2
 * for a two-input one).
 */
record ReplayInput(int input, HarnessRecord record) {
    @Override
    public String toString() {
        return input == 0 ? record.toString() : record + " on input " + input;
    }
}
