package dev.weir.flink.functions;

import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import java.util.Collection;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * A Weir merging assigner (event- or processing-time sessions, static or dynamic gap) as Flink's: Weir's assigner
 * places elements and decides which windows merge; Flink's window operator keeps the merged state.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirMergingWindowAssigner extends org.apache.flink.streaming.api.windowing.assigners.MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final WeirWindowAssigner assigner;

    public WeirMergingWindowAssigner(MergingWindowAssigner<?, ?> weir) {
        this.assigner = new WeirWindowAssigner(weir);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        ((MergingWindowAssigner) assigner.weir).mergeWindows(TimeWindows.toWeir(windows),
                (toBeMerged, mergeResult) -> callback.merge(TimeWindows.toFlink(toBeMerged),
                        TimeWindows.toFlink((dev.weir.streaming.api.windowing.windows.TimeWindow) mergeResult)));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssigner.WindowAssignerContext context) {
        return assigner.assignWindows(element, timestamp, context);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return assigner.getDefaultTrigger();
    }

    /** Abstract in Flink 1.20 (hence no {@code @Override}: Flink 2.x removed it). */
    public Trigger<Object, TimeWindow> getDefaultTrigger(StreamExecutionEnvironment env) {
        return getDefaultTrigger();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return assigner.getWindowSerializer(executionConfig);
    }

    @Override
    public boolean isEventTime() {
        return assigner.isEventTime();
    }

    @Override
    public String toString() {
        return assigner.toString();
    }
}
