package dev.weir.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Replays one input to an operator several hostile ways and demands the same output every time, as Hazelcast Jet's
 * {@code TestSupport} does: uninterrupted; with a snapshot and a restore into a fresh instance after every element;
 * the same after every watermark; with idleness markers and extra watermarks. It finds the bugs that only show after a
 * failure: state kept in a field instead of in Flink's state, a timer or a window that a restore loses or repeats.
 *
 * <pre>{@code
 * ReplayVerifier.of(() -> OneInputHarness.forKeyedProcessFunction(new IdleUserAlert(), e -> e.f0))
 *         .input(HarnessRecord.of(Tuple2.of("ann", "login"), 1_000L),
 *                HarnessRecord.of(Tuple2.of("bob", "login"), 2_000L),
 *                HarnessRecord.watermark(40_000L))
 *         .expectOutput(HarnessRecord.of("ann idle", 31_000L), HarnessRecord.of("bob idle", 32_000L))
 *         .verify();
 * }</pre>
 *
 * <p>The factory must return a new harness, with a new function instance, on every call: a restore goes into a fresh
 * operator, as after a failure. The output compared is every element of the main and side outputs with its timestamp;
 * watermarks are left out, since the modes deliver different ones. The uninterrupted run ends the input
 * ({@code endInput()}, which fires everything still pending) and must give the expected output in order; a restoring
 * mode must give, after every step, exactly what the uninterrupted run gave after the same step; the mode with extra
 * watermarks may give results earlier, so it must give the same elements in any order.
 *
 * <p>A restored operator gets back the watermark it had (the runtime starts it from scratch, as Flink does), so that
 * input late before a restore is late after it. Progress check: a step that does not return within the progress
 * timeout (default 30 s) fails the verification with the step and where the operator's thread was stuck.
 *
 * <p>Two-input operators ({@link #ofTwoInputs}) take their input with {@link #input1} and {@link #input2}, in the order
 * given; they get the same modes, without the idleness markers.
 *
 * @param <OUT> the type of the main output's elements
 */
public final class ReplayVerifier<OUT> {
    private final Supplier<? extends OperatorHarness<OUT>> factory;
    private final boolean twoInputs;
    private final List<ReplayInput> input = new ArrayList<>();
    private List<HarnessRecord> expected;
    private Set<ReplayMode> modes = EnumSet.allOf(ReplayMode.class);
    private Duration progressTimeout = Duration.ofSeconds(30);

    private ReplayVerifier(Supplier<? extends OperatorHarness<OUT>> factory, boolean twoInputs) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.twoInputs = twoInputs;
    }

    /** A verifier of the harnesses {@code factory} makes: a new one, with a new function instance, on every call. */
    public static <IN, OUT> ReplayVerifier<OUT> of(Supplier<OneInputHarness<IN, OUT>> factory) {
        return new ReplayVerifier<>(factory, false);
    }

    /** A verifier of two-input harnesses ({@code CoProcessFunction}, broadcast, ...); a new one on every call. */
    public static <IN1, IN2, OUT> ReplayVerifier<OUT> ofTwoInputs(Supplier<TwoInputHarness<IN1, IN2, OUT>> factory) {
        return new ReplayVerifier<>(factory, true);
    }

    /** Adds input: elements ({@code HarnessRecord.of(value, timestamp)} or without a timestamp) and watermarks. */
    public ReplayVerifier<OUT> input(HarnessRecord... items) {
        return add(0, "input", items);
    }

    /** Adds input from a list, in order. */
    public ReplayVerifier<OUT> input(List<HarnessRecord> items) {
        return input(items.toArray(new HarnessRecord[0]));
    }

    /** Adds input of a two-input operator's first input, after all input added so far. */
    public ReplayVerifier<OUT> input1(HarnessRecord... items) {
        return add(1, "input1", items);
    }

    /** Adds input of a two-input operator's second input, after all input added so far. */
    public ReplayVerifier<OUT> input2(HarnessRecord... items) {
        return add(2, "input2", items);
    }

    private ReplayVerifier<OUT> add(int to, String call, HarnessRecord... items) {
        if (twoInputs != (to > 0)) {
            throw new IllegalStateException(call + "(...) does not fit a verifier of a " + (twoInputs ? "two" : "one")
                    + "-input harness: use " + (twoInputs ? "input1(...) and input2(...)" : "input(...)"));
        }
        for (HarnessRecord item : items) {
            input.add(new ReplayInput(to, Objects.requireNonNull(item, "input item")));
        }
        return this;
    }

    /**
     * The main output's elements the uninterrupted run must give, in order, with their timestamps (elements of one
     * timestamp next to each other in any order: Flink fires different keys' timers and windows of one time in no
     * specified order). Without it, the verifier only demands that every mode agrees with the uninterrupted run.
     *
     * @throws IllegalArgumentException if a watermark is among them
     */
    public ReplayVerifier<OUT> expectOutput(HarnessRecord... elements) {
        for (HarnessRecord e : elements) {
            if (Objects.requireNonNull(e, "expected element").isWatermark()) {
                throw new IllegalArgumentException("expectOutput(...) takes elements only, but got " + e + ": the modes deliver "
                        + "different watermarks, so the verifier compares elements; test watermarks with a plain harness");
            }
        }
        this.expected = List.of(elements);
        return this;
    }

    /** Replays only in these modes (besides the uninterrupted run); all of them by default. */
    public ReplayVerifier<OUT> modes(ReplayMode... modes) {
        this.modes = modes.length == 0 ? EnumSet.noneOf(ReplayMode.class) : EnumSet.copyOf(Arrays.asList(modes));
        return this;
    }

    /** How long one step may take before the operator counts as stuck; 30 seconds by default. */
    public ReplayVerifier<OUT> progressTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The progress timeout must be positive, was " + timeout);
        }
        this.progressTimeout = timeout;
        return this;
    }

    /**
     * Replays the input uninterrupted and in every mode, and compares the outputs.
     *
     * @throws AssertionError naming the mode, the step and both outputs at the first difference, or the step at which
     *                        the operator made no progress
     */
    public void verify() throws Exception {
        List<ReplayInput> items = List.copyOf(input);
        new ReplayWatchdog(progressTimeout).run(progress -> {
            ReplayRun<OUT> reference = new ReplayRun<>(factory, items, null, progress).run();
            ReplayOutput last = reference.afterStep().get(items.size());
            if (expected != null && !new ReplayOutput().withMain(last.main).sameAs(new ReplayOutput().withMain(expected))) {
                throw new AssertionError("The uninterrupted run gave another output than expected.\n  expected: " + expected
                        + "\n  but was:  " + last.main);
            }
            for (ReplayMode mode : modes) {
                compare(reference, new ReplayRun<>(factory, items, mode, progress).run(), items.size());
            }
        });
    }

    private static void compare(ReplayRun<?> reference, ReplayRun<?> replay, int steps) {
        if (replay.name().equals(ReplayMode.EXTRA_WATERMARKS_AND_IDLENESS.name())) {
            ReplayOutput expected = reference.afterStep().get(steps);
            ReplayOutput actual = replay.afterStep().get(steps);
            if (!actual.sameInAnyOrderAs(expected)) {
                throw new AssertionError(replay.name() + " gave other elements than the uninterrupted run (in any order)."
                        + "\n  uninterrupted: " + expected + "\n  " + replay.name() + ": " + actual
                        + "\nThe operator's results depend on when watermarks and idleness arrive, not only on event time.");
            }
            return;
        }
        for (int step = 0; step <= steps; step++) {
            ReplayOutput expected = reference.afterStep().get(step);
            ReplayOutput actual = replay.afterStep().get(step);
            if (!actual.sameAs(expected)) {
                int restoredAfter = replay.restoredAfter(step);
                if (restoredAfter < 0) {
                    throw new AssertionError(replay.name() + ": after " + replay.describe(step) + ", before any restore, the "
                            + "output differs from the uninterrupted run's: the operator does not give the same output for the same "
                            + "input.\n  uninterrupted: " + expected + "\n  " + replay.name() + ": " + actual);
                }
                throw new AssertionError(replay.name() + ": after " + replay.describe(step) + ", the output differs from the "
                        + "uninterrupted run's, in an operator restored from a snapshot taken after " + replay.describe(restoredAfter)
                        + ".\n  uninterrupted: " + expected + "\n  restored:      " + actual
                        + "\nSomething that decides later output is not in the snapshot: keep it in keyed state, timers or a "
                        + "CheckpointedFunction's operator state, not in a field.");
            }
        }
    }
}
