package dev.weir.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One replay of the input in one mode (or uninterrupted, {@code mode} null): delivers the items to harnesses from the
 * factory, restoring into a fresh one where the mode says, ends the input, and keeps the output after every step.
 * It reports each step it starts to {@code progress}, for the verifier's watchdog.
 */
final class ReplayRun<IN, OUT> {
    /** What the run is doing, read by the watchdog on another thread. */
    interface Progress {
        void step(String where);
    }

    private final Supplier<OneInputHarness<IN, OUT>> factory;
    private final List<HarnessRecord> input;
    private final ReplayMode mode;
    private final Progress progress;
    private final ReplayOutput output = new ReplayOutput();
    /** The output after each input item, and last after the end of input. */
    private final List<ReplayOutput> afterStep = new ArrayList<>();
    /** The input item after which the operator of each step was last restored, or -1. */
    private final List<Integer> restoredAfter = new ArrayList<>();

    ReplayRun(Supplier<OneInputHarness<IN, OUT>> factory, List<HarnessRecord> input, ReplayMode mode, Progress progress) {
        this.factory = factory;
        this.input = input;
        this.mode = mode;
        this.progress = progress;
    }

    /** Runs the whole input; afterwards {@link #afterStep} holds the output after each item and after the end. */
    ReplayRun<IN, OUT> run() throws Exception {
        OneInputHarness<IN, OUT> harness = newHarness();
        int lastRestore = -1;
        try {
            for (int i = 0; i < input.size(); i++) {
                HarnessRecord item = input.get(i);
                int restoredBeforeThisStep = lastRestore;
                if (mode == ReplayMode.EXTRA_WATERMARKS_AND_IDLENESS && !item.isWatermark()) {
                    progress.step(name() + ", " + describe(i) + ", before it: idleness and an extra watermark");
                    harness.processIdleness(true);
                    harness.processIdleness(false);
                    long extra = extraWatermark(i);
                    if (extra > harness.currentWatermark()) {
                        harness.processWatermark(extra);
                    }
                }
                progress.step(name() + ", " + describe(i));
                deliver(harness, item);
                if (restoresAfter(item)) {
                    progress.step(name() + ", " + describe(i) + ", then a snapshot and a restore into a fresh instance");
                    HarnessSnapshot snapshot = harness.snapshot();
                    output.drain(harness);
                    harness.close();
                    harness = newHarness();
                    harness.restore(snapshot);
                    harness.open();
                    // A restored task's watermark starts from scratch; give the fresh instance the one it had, so that
                    // what was late before the restore is late after it, and compare only what the state decides.
                    if (snapshot.getWatermark() != Long.MIN_VALUE) {
                        harness.processWatermark(snapshot.getWatermark());
                    }
                    lastRestore = i;
                }
                output.drain(harness);
                afterStep.add(output.copy());
                restoredAfter.add(restoredBeforeThisStep);
            }
            progress.step(name() + ", the end of input");
            harness.endInput();
            output.drain(harness);
            afterStep.add(output.copy());
            restoredAfter.add(lastRestore);
        } finally {
            harness.close();
        }
        return this;
    }

    List<ReplayOutput> afterStep() {
        return afterStep;
    }

    /** The input item after which the operator that took step {@code step} was restored, or -1 if it never was. */
    int restoredAfter(int step) {
        return restoredAfter.get(step);
    }

    String name() {
        return mode == null ? "the uninterrupted run" : mode.name();
    }

    /** "input #3 (a@5)", counting from 1, or "the end of input" for the step after the last item. */
    String describe(int step) {
        return step == input.size() ? "the end of input" : "input #" + (step + 1) + " (" + input.get(step) + ")";
    }

    private boolean restoresAfter(HarnessRecord item) {
        return mode == ReplayMode.RESTORE_AFTER_EVERY_ELEMENT && !item.isWatermark()
                || mode == ReplayMode.RESTORE_AFTER_EVERY_WATERMARK && item.isWatermark();
    }

    @SuppressWarnings("unchecked")
    private void deliver(OneInputHarness<IN, OUT> harness, HarnessRecord item) throws Exception {
        if (item.isWatermark()) {
            harness.processWatermark(item.getTimestamp());
        } else if (item.hasTimestamp()) {
            harness.processElement((IN) item.getValue(), item.getTimestamp());
        } else {
            harness.processElement((IN) item.getValue());
        }
    }

    /**
     * The furthest watermark that may come before item {@code i} without changing what is late: below every element
     * up to the input's next watermark, and not past that watermark. {@code Long.MIN_VALUE} when an element there has
     * no timestamp.
     */
    private long extraWatermark(int i) {
        long limit = Long.MAX_VALUE;
        for (int j = i; j < input.size(); j++) {
            HarnessRecord item = input.get(j);
            if (item.isWatermark()) {
                return Math.min(limit, item.getTimestamp());
            }
            if (!item.hasTimestamp()) {
                return Long.MIN_VALUE;
            }
            limit = Math.min(limit, item.getTimestamp() - 1);
        }
        return limit;
    }

    private OneInputHarness<IN, OUT> newHarness() {
        OneInputHarness<IN, OUT> harness = factory.get();
        if (harness == null) {
            throw new IllegalArgumentException("The harness factory returned null: return a new harness, e.g. "
                    + "() -> OneInputHarness.forKeyedProcessFunction(new MyFunction(), MyEvent::key)");
        }
        if (!harness.isNew()) {
            throw new IllegalArgumentException("The harness factory returned a harness that was used before: a restore needs a "
                    + "fresh operator, so return a new harness with a new function instance on every call");
        }
        return harness;
    }
}
