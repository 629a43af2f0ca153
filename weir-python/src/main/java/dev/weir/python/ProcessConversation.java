package dev.weir.python;

import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.runtime.state.KeyedStateFunction;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python process function's call, as a conversation: Weir sends the element (or the timer), then serves the
 * worker's state reads and writes and timer registrations, until the worker says {@code done} with its outputs. State
 * lives in Weir's keyed state (so checkpoints hold it); Python holds none between calls.
 */
final class ProcessConversation implements NamedStateRequests.States {
    private final WorkerConnection worker;
    private final RuntimeContext context;
    private final Map<String, ValueState<Object>> values = new HashMap<>();
    private final Map<String, ListState<Object>> lists = new HashMap<>();
    private final Map<String, MapState<Object, Object>> maps = new HashMap<>();
    private final Map<String, OutputTag<Object>> tags = new HashMap<>();
    private final Map<String, StateTtlConfig> ttls = new HashMap<>();
    /** Whether the function runs on a keyed stream, so it has keyed state (timers come with each call). */
    private final boolean keyed;
    /** A broadcast process function's broadcast state, or null. */
    private BroadcastStateRequests broadcast;
    /** A window function's per-window state, or null. */
    private WindowStateRequests windowState;
    /** A Python trigger's context, or null. */
    private TriggerRequests triggerRequests;
    /** The broadcast side's {@code applyToKeyedState} during a keyed broadcast function's broadcast call, or null. */
    private KeyedStateVisitor keyedStateVisitor;

    /** A keyed broadcast function's {@code Context.applyToKeyedState}, as the conversation calls it. */
    interface KeyedStateVisitor {
        void apply(StateDescriptor<Object> descriptor, KeyedStateFunction<Object, State> function) throws Exception;
    }

    /** Where a call's side outputs go: its context's {@code output(tag, value)}. */
    interface SideOutput {
        void emit(OutputTag<Object> tag, Object value);
    }

    ProcessConversation(WorkerConnection worker, RuntimeContext context, boolean keyed) {
        this.worker = worker;
        this.context = context;
        this.keyed = keyed;
    }

    /** Serves the worker's {@code broadcast_*} requests from {@code broadcast} (a broadcast process function's). */
    void useBroadcastState(BroadcastStateRequests broadcast) {
        this.broadcast = broadcast;
    }

    /** Serves the worker's {@code apply_to_keyed_state} requests with {@code visitor} until the next call; null: refused. */
    void useKeyedStateVisitor(KeyedStateVisitor visitor) {
        this.keyedStateVisitor = visitor;
    }

    /** Serves the worker's {@code trigger_*} requests from {@code triggerRequests} (a Python trigger's). */
    void useTriggerRequests(TriggerRequests triggerRequests) {
        this.triggerRequests = triggerRequests;
    }

    /** Serves the worker's {@code window_*} requests from {@code windowState} (a window function's). */
    void useWindowState(WindowStateRequests windowState) {
        this.windowState = windowState;
    }

    /**
     * Sends {@code message} and serves the worker's requests; emits the outputs. {@code timers} is null where the
     * function has no timers (a stream that is not keyed, a window function): a worker asking for them, or for state
     * where the stream is not keyed, gets the error to raise.
     */
    @SuppressWarnings("unchecked")
    void call(List<Object> message, TimerService timers, Collector<Object> out, SideOutput sideOutput) throws Exception {
        try {
            worker.send(message);
            while (true) {
                List<Object> request = (List<Object>) worker.receive();
                String kind = (String) request.get(0);
                if (kind.equals("done")) {
                    for (Object value : (List<Object>) request.get(1)) {
                        out.collect(value);
                    }
                    for (Object tagged : (List<Object>) request.get(2)) {
                        List<Object> pair = (List<Object>) tagged;
                        sideOutput.emit(tags.computeIfAbsent((String) pair.get(0), OutputTag::new), pair.get(1));
                    }
                    return;
                }
                if (kind.equals("error")) {
                    throw new PythonFunctionException((String) request.get(1));
                }
                answer(kind, request, timers);
            }
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    /** Serves one request of the worker and sends the answer: its result, or why Weir refuses it. */
    private void answer(String kind, List<Object> request, TimerService timers) throws Exception {
        List<Object> answer;
        try {
            answer = Arrays.asList("ok", serve(kind, request, timers));
        } catch (UnsupportedOperationException e) {
            answer = List.of("refused", e.getMessage());
        }
        worker.send(answer);
    }

    /**
     * Sends a bundle of keyed records ({@code ["bundle", watermark, keys, values, timestamps, key numbers, value
     * states]}, see {@link #valuesOfEachKey}) and serves
     * the worker's requests, each for the key it names ({@code ["keyed", key number, request...]}); the worker answers
     * {@code ["done", outputs, outputs per record, side outputs, value state writes, timers]} (see
     * {@code weir/_internal/keyed_bundle.py}). Applies the writes and timers, then emits the outputs with their
     * records' timestamps.
     */
    @SuppressWarnings("unchecked")
    void bundle(BundledKeyedProcessFunction.KeyedBundle bundle) throws Exception {
        int n = bundle.size();
        List<Object> values = new ArrayList<>(n);
        List<Object> timestamps = new ArrayList<>(n);
        List<Object> keyNumbers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Keyed.plain(bundle.value(i)));
            timestamps.add(bundle.timestamp(i));
            keyNumbers.add((long) bundle.keyNumber(i));
        }
        TimerService timers = bundle.timerService();
        try {
            worker.sendMarshalled(Arrays.asList("bundle", timers.currentWatermark(), bundle.keys(), values, timestamps,
                    keyNumbers, valuesOfEachKey(bundle)));
            while (true) {
                List<Object> request = (List<Object>) worker.receive();
                String kind = (String) request.get(0);
                if (kind.equals("done")) {
                    finish(bundle, request);
                    return;
                }
                if (kind.equals("error")) {
                    throw new PythonFunctionException((String) request.get(1));
                }
                if (kind.equals("keyed")) {
                    bundle.setCurrentKey(((Long) request.get(1)).intValue());
                    request = request.subList(2, request.size());
                    kind = (String) request.get(0);
                }
                answer(kind, request, timers);
            }
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    /**
     * {@code [[state name, [the value of key 0, of key 1, ...]], ...]} for each value state the function used so far
     * (one with a time to live is read where the function reads it, as a read renews it): the worker then asks for
     * none of them, so a bundle costs no round trip per key.
     */
    private List<Object> valuesOfEachKey(BundledKeyedProcessFunction.KeyedBundle bundle) throws Exception {
        List<Object> prefetched = new ArrayList<>();
        int keys = bundle.keys().size();
        for (Map.Entry<String, ValueState<Object>> state : values.entrySet()) {
            if (ttls.containsKey(state.getKey())) {
                continue;
            }
            List<Object> perKey = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                bundle.setCurrentKey(k);
                perKey.add(state.getValue().value());
            }
            prefetched.add(Arrays.asList(state.getKey(), perKey));
        }
        return prefetched;
    }

    @SuppressWarnings("unchecked")
    private void finish(BundledKeyedProcessFunction.KeyedBundle bundle, List<Object> done) throws Exception {
        for (Object item : (List<Object>) done.get(4)) {
            List<Object> write = (List<Object>) item;
            bundle.setCurrentKey(((Long) write.get(1)).intValue());
            if ((Boolean) write.get(3)) {
                value((String) write.get(0)).clear();
            } else {
                value((String) write.get(0)).update(write.get(2));
            }
        }
        for (Object item : (List<Object>) done.get(5)) {
            List<Object> timer = (List<Object>) item;
            bundle.setCurrentKey(((Long) timer.get(0)).intValue());
            serve((String) timer.get(1), timer.subList(1, 3), bundle.timerService());
        }
        List<Object> outputs = (List<Object>) done.get(1);
        List<Object> counts = (List<Object>) done.get(2);
        for (int i = 0, next = 0; i < counts.size(); i++) {
            long timestamp = bundle.timestamp(i);
            for (long c = (Long) counts.get(i); c > 0; c--) {
                bundle.collect(outputs.get(next++), timestamp);
            }
        }
        for (Object item : (List<Object>) done.get(3)) {
            List<Object> side = (List<Object>) item;
            bundle.output(tags.computeIfAbsent((String) side.get(1), OutputTag::new), side.get(2),
                    bundle.timestamp(((Long) side.get(0)).intValue()));
        }
    }

    /** Sends a timer of {@code key} that fired in {@code domain} and serves the worker's requests; emits the outputs. */
    void timer(long timestamp, Object key, TimeDomain domain, TimerService timers, Collector<Object> out,
               SideOutput sideOutput) throws Exception {
        call(Arrays.asList("timer", timestamp, key, timers.currentWatermark(),
                domain == TimeDomain.EVENT_TIME ? "EVENT_TIME" : "PROCESSING_TIME"), timers, out, sideOutput);
    }

    private Object serve(String kind, List<Object> request, TimerService timers) throws Exception {
        if (kind.startsWith("broadcast_")) {
            if (broadcast == null) {
                throw new UnsupportedOperationException("broadcast state is for a BroadcastProcessFunction or a "
                        + "KeyedBroadcastProcessFunction on a stream connected with broadcast(MapStateDescriptor)");
            }
            return broadcast.serve(kind, request);
        }
        if (kind.equals("apply_to_keyed_state")) {
            visitKeys(request, timers);
            return null;
        }
        if (kind.startsWith("trigger_") && triggerRequests != null) {
            return triggerRequests.serve(kind, request);
        }
        if (kind.startsWith("window_") && windowState != null) {
            return windowState.serve(kind, request);
        }
        if (kind.startsWith("timer_") && timers == null || kind.matches("value_.*|list_.*|map_.*|state_ttl") && !keyed) {
            throw new UnsupportedOperationException(keyed ? "a window function has no timers: use a trigger on the "
                    + "window, or a KeyedProcessFunction" : "state and timers need a keyed stream: call key_by(...) "
                    + "before process(...) and use a KeyedProcessFunction (KeyedCoProcessFunction on connected streams)");
        }
        String name = request.size() > 1 ? String.valueOf(request.get(1)) : "";
        switch (kind) {
            case "state_ttl": declareTtl(name, request); return null;
            case "timer_register_event": timers.registerEventTimeTimer((Long) request.get(1)); return null;
            case "timer_register_processing": timers.registerProcessingTimeTimer((Long) request.get(1)); return null;
            case "timer_delete_event": timers.deleteEventTimeTimer((Long) request.get(1)); return null;
            case "timer_delete_processing": timers.deleteProcessingTimeTimer((Long) request.get(1)); return null;
            case "processing_time":
                if (timers == null) {
                    return System.currentTimeMillis();
                }
                return timers.currentProcessingTime();
            default:
                if (NamedStateRequests.serves(kind)) {
                    return NamedStateRequests.serve(kind, request, this);
                }
                throw new UnsupportedOperationException("unknown request '" + kind + "' from the Python worker");
        }
    }

    /**
     * {@code ["apply_to_keyed_state", name, family]}: for each key with a value of that state, tells the worker the key
     * ({@code ["apply_key", key]}, the key current in Weir's state) and serves its state requests until it says
     * {@code ["applied"]}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void visitKeys(List<Object> request, TimerService timers) throws Exception {
        if (keyedStateVisitor == null) {
            throw new UnsupportedOperationException("apply_to_keyed_state(...) is for process_broadcast_element of a "
                    + "KeyedBroadcastProcessFunction, as in Flink");
        }
        String name = (String) request.get(1);
        StateDescriptor<?> descriptor = switch ((String) request.get(2)) {
            case "list" -> withTtl(new ListStateDescriptor<>(name, Object.class));
            case "map" -> withTtl(new MapStateDescriptor<>(name, Object.class, Object.class));
            default -> withTtl(new ValueStateDescriptor<>(name, Object.class));
        };
        keyedStateVisitor.apply((StateDescriptor) descriptor, (key, state) -> {
            worker.send(Arrays.asList("apply_key", key));
            while (true) {
                List<Object> visit = (List<Object>) worker.receive();
                String kind = (String) visit.get(0);
                if (kind.equals("applied")) {
                    return;
                }
                if (kind.equals("error")) {
                    throw new PythonFunctionException((String) visit.get(1));
                }
                answer(kind, visit, timers);
            }
        });
    }

    /** {@code ["state_ttl", name, family, ttl millis, update type, visibility]}: comes before the state's first use. */
    private void declareTtl(String name, List<Object> request) {
        if (values.containsKey(name) || lists.containsKey(name) || maps.containsKey(name)) {
            return;
        }
        ttls.put(name, StateTtlConfig.newBuilder(Duration.ofMillis((Long) request.get(3)))
                .setUpdateType(StateTtlConfig.UpdateType.valueOf((String) request.get(4)))
                .setStateVisibility(StateTtlConfig.StateVisibility.valueOf((String) request.get(5)))
                .build());
    }

    private <D extends StateDescriptor<?>> D withTtl(D descriptor) {
        StateTtlConfig ttl = ttls.get(descriptor.getName());
        if (ttl != null) {
            descriptor.enableTimeToLive(ttl);
        }
        return descriptor;
    }

    @Override
    public ValueState<Object> value(String name) {
        return values.computeIfAbsent(name, n -> context.getState(withTtl(new ValueStateDescriptor<>(n, Object.class))));
    }

    @Override
    public ListState<Object> list(String name) {
        return lists.computeIfAbsent(name, n -> context.getListState(withTtl(new ListStateDescriptor<>(n, Object.class))));
    }

    @Override
    public MapState<Object, Object> map(String name) {
        return maps.computeIfAbsent(name, n -> context.getMapState(withTtl(new MapStateDescriptor<>(n, Object.class, Object.class))));
    }
}
