package dev.weir.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.streaming.api.datastream.KeyedStream;
import dev.weir.streaming.api.datastream.WindowedStream;
import dev.weir.streaming.api.windowing.assigners.DynamicEventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.evictors.TimeEvictor;
import dev.weir.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.OutputTag;
import java.time.Duration;

/**
 * A Python plan's window settings as Weir's {@link WindowedStream}: the assigner (or a count window), the trigger,
 * the evictor, the allowed lateness and the late data's side output.
 */
final class WindowTranslation {
    private WindowTranslation() {
    }

    /** {@code keyed}'s windows as the node's {@code window}, {@code trigger}, {@code allowed_lateness} and {@code late_tag} say. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static WindowedStream<Object, Object, Window> windowed(KeyedStream<Object, Object> keyed, JsonNode node, int driverPort) {
        JsonNode window = node.get("window");
        WindowedStream<Object, Object, Window> windowed;
        if (window.get("type").asText().equals("count")) {
            long size = window.get("size").asLong();
            long slide = window.path("slide").asLong();
            windowed = (WindowedStream) (slide > 0 ? keyed.countWindow(size, slide) : keyed.countWindow(size));
        } else {
            windowed = (WindowedStream) keyed.window(assigner(window, driverPort));
        }
        if (node.hasNonNull("trigger")) {
            windowed.trigger((Trigger) trigger(node.get("trigger"), driverPort));
        }
        if (node.hasNonNull("evictor")) {
            windowed.evictor((Evictor) evictor(node.get("evictor")));
        }
        if (node.hasNonNull("allowed_lateness")) {
            windowed.allowedLateness(Duration.ofMillis(node.get("allowed_lateness").asLong()));
        }
        if (node.hasNonNull("late_tag")) {
            windowed.sideOutputLateData(new OutputTag<>(node.get("late_tag").asText()));
        }
        return windowed;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WindowAssigner<Object, ?> assigner(JsonNode window, int driverPort) {
        long size = window.path("size").asLong();
        long slide = window.path("slide").asLong();
        long offset = window.path("offset").asLong();
        switch (window.get("type").asText()) {
            case "tumbling_event_time":
                return (WindowAssigner) TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset));
            case "sliding_event_time":
                return (WindowAssigner) SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
            case "event_time_session":
                return (WindowAssigner) EventTimeSessionWindows.withGap(Duration.ofMillis(window.get("gap").asLong()));
            case "tumbling_processing_time":
                return (WindowAssigner) TumblingProcessingTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset));
            case "sliding_processing_time":
                return (WindowAssigner) SlidingProcessingTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
            case "processing_time_session":
                return (WindowAssigner) ProcessingTimeSessionWindows.withGap(Duration.ofMillis(window.get("gap").asLong()));
            case "dynamic_event_time_session":
                return (WindowAssigner) DynamicEventTimeSessionWindows.withDynamicGap(
                        new PythonGapExtractor(driverPort, window.get("extractor").asInt()));
            case "dynamic_processing_time_session":
                return (WindowAssigner) DynamicProcessingTimeSessionWindows.withDynamicGap(
                        new PythonGapExtractor(driverPort, window.get("extractor").asInt()));
            case "global":
                return (WindowAssigner) GlobalWindows.create();
            default:
                throw new IllegalArgumentException("unknown window assigner '" + window.get("type").asText() + "' in the plan");
        }
    }

    private static Evictor<?, ?> evictor(JsonNode evictor) {
        boolean after = evictor.path("after").asBoolean();
        switch (evictor.get("type").asText()) {
            case "count":
                return CountEvictor.of(evictor.get("count").asLong(), after);
            case "time":
                return TimeEvictor.of(Duration.ofMillis(evictor.get("millis").asLong()), after);
            default:
                throw new IllegalArgumentException("unknown evictor '" + evictor.get("type").asText() + "' in the plan");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Trigger<?, ?> trigger(JsonNode trigger, int driverPort) {
        switch (trigger.get("type").asText()) {
            case "python":
                return new PythonTrigger(driverPort, trigger.get("function").asInt(), trigger.get("merging").asBoolean());
            case "event_time":
                return EventTimeTrigger.create();
            case "processing_time":
                return ProcessingTimeTrigger.create();
            case "count":
                return CountTrigger.of(trigger.get("count").asLong());
            case "continuous_event_time":
                return ContinuousEventTimeTrigger.of(Duration.ofMillis(trigger.get("interval").asLong()));
            case "continuous_processing_time":
                return ContinuousProcessingTimeTrigger.of(Duration.ofMillis(trigger.get("interval").asLong()));
            case "purging":
                return PurgingTrigger.of((Trigger) trigger(trigger.get("nested"), driverPort));
            default:
                throw new IllegalArgumentException("unknown trigger '" + trigger.get("type").asText() + "' in the plan");
        }
    }
}
