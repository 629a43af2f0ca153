package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Puts every element of a key into the one {@link GlobalWindow}; it fires only by a custom trigger. */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;
    private static final List<GlobalWindow> ONLY = List.of(GlobalWindow.get());

    protected GlobalWindows() {
    }

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return ONLY;
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }

    /** The default trigger of {@link GlobalWindows}: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {
        }
    }
}
