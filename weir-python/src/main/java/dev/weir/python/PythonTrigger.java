package dev.weir.python;

import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code Trigger} written in Python: each call goes to a worker ({@code weir/_internal/trigger_calls.py}) with the
 * window, the watermark and the processing time; the worker's timer and partitioned-state requests are served from the
 * call's {@link TriggerContext} ({@link TriggerRequests}), and it answers the {@link TriggerResult}'s name. A trigger
 * has no {@code open}, so the worker is connected at the first call and its connection ends with the JVM; each
 * subtask has its own copy of this trigger, so its own worker.
 */
final class PythonTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private final int driverPort;
    private final int operatorId;
    private final boolean merging;
    private transient ProcessConversation conversation;
    private transient TriggerRequests requests;
    private transient Answer answer;

    PythonTrigger(int driverPort, int operatorId, boolean merging) {
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.merging = merging;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) throws Exception {
        return result(call(ctx, window, "on_element", Keyed.plain(element), timestamp));
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) throws Exception {
        return result(call(ctx, window, "on_processing_time", time));
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) throws Exception {
        return result(call(ctx, window, "on_event_time", time));
    }

    @Override
    public boolean canMerge() {
        return merging;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) throws Exception {
        call(ctx, window, "on_merge");
    }

    @Override
    public void clear(Window window, TriggerContext ctx) throws Exception {
        call(ctx, window, "clear");
    }

    /** Sends {@code [call, window, watermark, processing time, arguments...]} and serves the worker until it answers. */
    private Object call(TriggerContext ctx, Window window, String call, Object... arguments) throws Exception {
        if (conversation == null) {
            // No subtask to name (a trigger has no runtime context): -1, as for window reduce functions.
            conversation = new ProcessConversation(new WorkerConnection(driverPort, operatorId, -1, 1), null, false);
            requests = new TriggerRequests();
            conversation.useTriggerRequests(requests);
            answer = new Answer();
        }
        Object[] message = new Object[4 + arguments.length];
        message[0] = call;
        message[1] = window instanceof TimeWindow time ? List.of(time.getStart(), time.getEnd()) : null;
        message[2] = ctx.getCurrentWatermark();
        message[3] = ctx.getCurrentProcessingTime();
        System.arraycopy(arguments, 0, message, 4, arguments.length);
        requests.use(ctx);
        answer.value = null;
        try {
            conversation.call(Arrays.asList("element", Arrays.asList(message), null, null, null), null, answer, null);
        } finally {
            requests.use(null);
        }
        return answer.value;
    }

    private static TriggerResult result(Object name) {
        return TriggerResult.valueOf((String) name);
    }

    /** The one output of a call: the TriggerResult's name (none for on_merge and clear). */
    private static final class Answer implements Collector<Object> {
        Object value;

        @Override
        public void collect(Object record) {
            value = record;
        }
    }
}
