package dev.weir.flink;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.builtin.CollectSink;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.builtin.FromElementsSource;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.file.src.FileSource;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Pipeline;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.windowing.assigners.DynamicEventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds everything in a job that the Flink runner cannot translate, before anything is submitted, so that a job
 * either runs whole on Flink or is refused with every reason at once — never a job that starts and then fails.
 */
final class PlanRefusals {
    private static final Set<Class<?>> SOURCES = Set.of(FromElementsSource.class, NumberSequenceSource.class,
            DataGeneratorSource.class, FileSource.class);
    private static final Set<Class<?>> TIME_WINDOW_ASSIGNERS = Set.of(TumblingEventTimeWindows.class, SlidingEventTimeWindows.class,
            TumblingProcessingTimeWindows.class, SlidingProcessingTimeWindows.class, EventTimeSessionWindows.class,
            ProcessingTimeSessionWindows.class, DynamicEventTimeSessionWindows.class, DynamicProcessingTimeSessionWindows.class);

    /**
     * Sources of connector modules the runner does not depend on, by name: they run as Weir readers inside Flink's
     * source tasks like the built-in ones (each subtask reads its own Kafka partitions and keeps its offsets in
     * Flink's checkpoints).
     */
    private static final Set<String> CONNECTOR_SOURCES = Set.of("dev.weir.connector.kafka.source.KafkaSource");

    private final List<String> reasons = new ArrayList<>();
    private final Set<Integer> seen = new HashSet<>();

    private PlanRefusals() {
    }

    /** Throws an {@link InvalidProgramException} listing every operator of {@code pipeline} the runner cannot translate. */
    static void check(Pipeline pipeline) {
        PlanRefusals refusals = new PlanRefusals();
        for (Transformation sink : pipeline.sinks()) {
            refusals.visit(sink);
        }
        if (!refusals.reasons.isEmpty()) {
            throw new InvalidProgramException("Job '" + pipeline.jobName() + "' cannot run on Apache Flink, so nothing was submitted; "
                    + refusals.reasons.size() + " operator(s) cannot be translated:\n  - " + String.join("\n  - ", refusals.reasons)
                    + "\nRun the job on Weir (execution.target: local) or replace these operators.");
        }
    }

    private void visit(Transformation t) {
        if (!seen.add(t.getId())) {
            return;
        }
        for (Transformation input : t.getInputs()) {
            visit(input);
        }
        String reason = reason(t);
        if (reason != null) {
            reasons.add(t.getSpec() == null ? t.getName() : t.getSpec().kind() + " '" + t.getName() + "'" + (t.getUid() == null ? "" : " (uid " + t.getUid() + ")")
                    + ": " + reason);
        }
    }

    private static String reason(Transformation t) {
        OperatorSpec spec = t.getSpec();
        return switch (t.getKind()) {
            case UNION, PARTITION, SIDE_OUTPUT -> null;
            case SOURCE -> sourceReason((Specs.SourceSpec) spec);
            case SINK -> sinkReason(spec);
            case OPERATOR -> operatorReason(spec);
        };
    }

    private static String sourceReason(Specs.SourceSpec spec) {
        Class<?> type = spec.source().getClass();
        if (SOURCES.contains(type) || CONNECTOR_SOURCES.contains(type.getName())) {
            return null;
        }
        if (spec.source() instanceof EnumeratedSource<?, ?, ?>) {
            return "the source " + type.getName() + " has a split enumerator (an EnumeratedSource, such as KinesisStreamsSource), "
                    + "which the runner does not translate yet: Flink would have to run the enumerator in its job manager";
        }
        return "the source " + type.getName() + " is not translated yet; the runner translates fromData, fromSequence, "
                + "DataGeneratorSource, FileSource and KafkaSource";
    }

    private static String sinkReason(OperatorSpec spec) {
        if (spec instanceof Specs.SinkFunctionSpec) {
            return null;
        }
        if (spec instanceof Specs.SinkSpec sinkSpec) {
            Object sink = sinkSpec.sink();
            if (sink instanceof CollectSink) {
                return "collect() (executeAndCollect) is not translated yet: Weir's collect sink hands records to the JVM that "
                        + "built it, and Flink ships sinks to its task managers; write the results to a sink instead";
            }
            return null;
        }
        return "the sink kind " + spec.getClass().getName() + " is not known to the runner";
    }

    private static String operatorReason(OperatorSpec spec) {
        if (spec instanceof Specs.MapSpec || spec instanceof Specs.FlatMapSpec || spec instanceof Specs.FilterSpec
                || spec instanceof Specs.ProcessSpec || spec instanceof Specs.KeyedProcessSpec
                || spec instanceof Specs.TimestampsAndWatermarksSpec || spec instanceof Specs.CoMapSpec
                || spec instanceof Specs.CoFlatMapSpec || spec instanceof Specs.CoProcessSpec || spec instanceof Specs.KeyedCoProcessSpec
                || spec instanceof WindowSpecs.IntervalJoinSpec || spec instanceof Specs.BroadcastProcessSpec
                || spec instanceof Specs.KeyedBroadcastProcessSpec) {
            return null;
        }
        if (spec instanceof Specs.KeyedReduceSpec reduce) {
            return reduce.function() instanceof RichFunction
                    ? "a rich ReduceFunction cannot run in Flink's reduce; keep state in a KeyedProcessFunction instead" : null;
        }
        if (spec instanceof WindowSpecs.WindowSpec window) {
            return windowReason(window);
        }
        return "the operator kind " + spec.kind() + " (" + spec.getClass().getName() + ") is not known to the runner";
    }

    private static String windowReason(WindowSpecs.WindowSpec window) {
        List<String> reasons = new ArrayList<>();
        Class<?> assigner = window.assigner().getClass();
        if (!TIME_WINDOW_ASSIGNERS.contains(assigner) && assigner != GlobalWindows.class) {
            reasons.add("the window assigner " + assigner.getName() + " is not one of Weir's built-in assigners");
        }
        if (window.preAggregation() instanceof RichFunction) {
            reasons.add("Flink refuses a rich reduce or aggregate function in a window");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
