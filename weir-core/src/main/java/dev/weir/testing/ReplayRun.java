package dev.weir.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One replay of the input in one mode (or uninterrupted, {@code mode} null): delivers the items to harnesses from the
 * factory, restoring into a fresh one where the mode says, ends the input, and keeps the output after every step.
 * It reports each step it starts to {@code progress}, for the verifier's watchdog.
 */
final class ReplayRun<OUT> {
    /** What the run is doing, read by the watchdog on another thread. */
    interface Progress {
        void step(String where);
    }

    private final Supplier<? extends OperatorHarness<OUT>> factory;
    private final List<ReplayInput> input;
    private final ReplayMode mode;
    private final Progress progress;
    private final ReplayOutput output = new ReplayOutput();
    /** The output after each input item, and last after the end of input. */
    private final List<ReplayOutput> afterStep = new ArrayList<>();
    /** The input item after which the operator of each step was last restored, or -1. */
    private final List<Integer> restoredAfter = new ArrayList<>();

    ReplayRun(Supplier<? extends OperatorHarness<OUT>> factory, List<ReplayInput> input, ReplayMode mode, Progress progress) {
        this.factory = factory;
        this.input = input;
        this.mode = mode;
        this.progress = progress;
    }

    /** Runs the whole input; afterwards {@link #afterStep} holds the output after each item and after the end. */
    ReplayRun<OUT> run() throws Exception {
        OperatorHarness<OUT> harness = newHarness();
        int lastRestore = -1;
        try {
            for (int i = 0; i < input.size(); i++) {
                ReplayInput item = input.get(i);
                int restoredBeforeThisStep = lastRestore;
                if (mode == ReplayMode.EXTRA_WATERMARKS_AND_IDLENESS && !item.record().isWatermark()) {
                    progress.step(name() + ", " + describe(i) + ", before it: idleness and an extra watermark");
                    if (harness instanceof OneInputHarness<?, ?> one) {
                        one.processIdleness(true);
                        one.processIdleness(false);
                    }
                    long extra = extraWatermark(i);
                    if (extra != Long.MIN_VALUE) {
                        deliver(harness, new ReplayInput(item.input(), HarnessRecord.watermark(extra)));
                    }
                }
                progress.step(name() + ", " + describe(i));
                deliver(harness, item);
                if (restoresAfter(item)) {
                    progress.step(name() + ", " + describe(i) + ", then a snapshot and a restore into a fresh instance");
                    HarnessSnapshot snapshot = harness.snapshot();
                    output.drain(harness);
                    harness.close();
                    OperatorHarness<OUT> fresh = newHarness();
                    fresh.restore(snapshot);
                    fresh.open();
                    carryWatermarks(harness, fresh);
                    harness = fresh;
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

    private boolean restoresAfter(ReplayInput item) {
        return mode == ReplayMode.RESTORE_AFTER_EVERY_ELEMENT && !item.record().isWatermark()
                || mode == ReplayMode.RESTORE_AFTER_EVERY_WATERMARK && item.record().isWatermark();
    }

    /**
     * A restored task's watermarks start from scratch (as in Flink); the fresh instance gets back those of each input
     * it had, so that what was late before the restore is late after it, and only what the state holds decides.
     */
    private static void carryWatermarks(OperatorHarness<?> from, OperatorHarness<?> to) throws Exception {
        if (from instanceof TwoInputHarness<?, ?, ?> two) {
            TwoInputHarness<?, ?, ?> fresh = (TwoInputHarness<?, ?, ?>) to;
            if (two.watermark1() != Long.MIN_VALUE) {
                fresh.processWatermark1(two.watermark1());
            }
            if (two.watermark2() != Long.MIN_VALUE) {
                fresh.processWatermark2(two.watermark2());
            }
        } else if (from.currentWatermark() != Long.MIN_VALUE) {
            ((OneInputHarness<?, ?>) to).processWatermark(from.currentWatermark());
        }
    }

    @SuppressWarnings("unchecked")
    private static void deliver(OperatorHarness<?> harness, ReplayInput item) throws Exception {
        HarnessRecord r = item.record();
        if (harness instanceof OneInputHarness<?, ?> h) {
            OneInputHarness<Object, ?> one = (OneInputHarness<Object, ?>) h;
            if (r.isWatermark()) {
                one.processWatermark(r.getTimestamp());
            } else if (r.hasTimestamp()) {
                one.processElement(r.getValue(), r.getTimestamp());
            } else {
                one.processElement(r.getValue());
            }
            return;
        }
        TwoInputHarness<Object, Object, ?> two = (TwoInputHarness<Object, Object, ?>) harness;
        long timestamp = r.isWatermark() || r.hasTimestamp() ? r.getTimestamp() : Long.MIN_VALUE;
        if (item.input() == 1) {
            if (r.isWatermark()) {
                two.processWatermark1(timestamp);
            } else {
                two.processElement1(r.getValue(), timestamp);
            }
        } else if (r.isWatermark()) {
            two.processWatermark2(timestamp);
        } else {
            two.processElement2(r.getValue(), timestamp);
        }
    }

    /**
     * The furthest watermark that may come on item {@code i}'s input before it without changing what is late: below
     * every element of any input up to that input's next watermark, and not past that watermark.
     * {@code Long.MIN_VALUE} when an element there has no timestamp.
     */
    private long extraWatermark(int i) {
        int on = input.get(i).input();
        long limit = Long.MAX_VALUE;
        for (int j = i; j < input.size(); j++) {
            HarnessRecord item = input.get(j).record();
            if (item.isWatermark()) {
                if (input.get(j).input() == on) {
                    return Math.min(limit, item.getTimestamp());
                }
                continue;
            }
            if (!item.hasTimestamp()) {
                return Long.MIN_VALUE;
            }
            limit = Math.min(limit, item.getTimestamp() - 1);
        }
        return limit;
    }

    private OperatorHarness<OUT> newHarness() {
        OperatorHarness<OUT> harness = factory.get();
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
