package dev.weir.flink.functions;

import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import java.util.Collection;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * A Weir time-window assigner (tumbling, sliding, of either time) as Flink's: Weir's assigner places each element,
 * so offsets and boundaries are Weir's own; the default trigger is Flink's event- or processing-time trigger, which
 * fires when time reaches the window's {@code end - 1}, as Weir's does.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class WeirWindowAssigner extends org.apache.flink.streaming.api.windowing.assigners.WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    final WindowAssigner weir;
    private transient ContextAdapter context;

    public WeirWindowAssigner(WindowAssigner<?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext flink) {
        if (context == null) {
            context = new ContextAdapter();
        }
        context.flink = flink;
        return TimeWindows.toFlink((Collection<dev.weir.streaming.api.windowing.windows.TimeWindow>) weir.assignWindows(element, timestamp, context));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) (weir.isEventTime() ? EventTimeTrigger.create() : ProcessingTimeTrigger.create());
    }

    /** Abstract in Flink 1.20 (hence no {@code @Override}: Flink 2.x removed it). */
    public Trigger<Object, TimeWindow> getDefaultTrigger(StreamExecutionEnvironment env) {
        return getDefaultTrigger();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return weir.isEventTime();
    }

    @Override
    public String toString() {
        return weir.toString();
    }

    private static final class ContextAdapter extends WindowAssigner.WindowAssignerContext {
        private org.apache.flink.streaming.api.windowing.assigners.WindowAssigner.WindowAssignerContext flink;

        @Override
        public long getCurrentProcessingTime() {
            return flink.getCurrentProcessingTime();
        }
    }
}
