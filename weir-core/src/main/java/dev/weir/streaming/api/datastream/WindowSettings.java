package dev.weir.streaming.api.datastream;

import dev.weir.api.common.functions.Function;
import dev.weir.util.OutputTag;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import java.util.Objects;

/** The settings shared by {@link WindowedStream} and {@link AllWindowedStream}, checked as they are made. */
final class WindowSettings {
    private final WindowAssigner<?, ?> assigner;
    private Trigger<?, ?> trigger;
    private boolean customTrigger;
    private Evictor<?, ?> evictor;
    private long allowedLateness;
    private OutputTag<?> lateDataOutputTag;

    WindowSettings(WindowAssigner<?, ?> assigner) {
        this.assigner = Objects.requireNonNull(assigner, "window assigner");
        this.trigger = Objects.requireNonNull(assigner.getDefaultTrigger(), () -> assigner + " returned no default trigger");
    }

    WindowAssigner<?, ?> assigner() {
        return assigner;
    }

    void trigger(Trigger<?, ?> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        WindowSpecs.requireMergeableTrigger(assigner, trigger);
        this.trigger = trigger;
        this.customTrigger = true;
    }

    void evictor(Evictor<?, ?> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
    }

    void allowedLateness(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative, was " + millis + " ms");
        }
        this.allowedLateness = millis;
    }

    void sideOutputLateData(OutputTag<?> tag) {
        this.lateDataOutputTag = Objects.requireNonNull(tag, "Side output tag must not be null.");
    }

    /** The spec of a window with this pre-aggregation (or none) and window function (or none). */
    WindowSpecs.WindowSpec spec(Function preAggregation, String method, Function windowFunction) {
        WindowSpecs.requirePlainPreAggregation(preAggregation, method);
        return new WindowSpecs.WindowSpec(assigner, trigger, customTrigger, evictor, allowedLateness, lateDataOutputTag,
                preAggregation, windowFunction);
    }

    String describe(String function) {
        return "Window(" + assigner + ", " + trigger + (evictor == null ? "" : ", " + evictor) + ", " + function + ")";
    }
}
