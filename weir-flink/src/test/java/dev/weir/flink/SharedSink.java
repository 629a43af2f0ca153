package dev.weir.flink;

import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test sink that records each element's text under a run name in this JVM; Weir's engine and a Flink MiniCluster
 * both run in the test's JVM, so both write here. Results are read sorted: parallel subtasks interleave freely.
 */
final class SharedSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Queue<String>> RESULTS = new ConcurrentHashMap<>();
    private final String run;

    SharedSink(String run) {
        this.run = run;
        RESULTS.computeIfAbsent(run, r -> new ConcurrentLinkedQueue<>());
    }

    @Override
    public void invoke(T value, Context context) {
        RESULTS.get(run).add(value + (context.timestamp() == null ? "" : "@" + context.timestamp()));
    }

    static List<String> sorted(String run) {
        List<String> values = new ArrayList<>(RESULTS.getOrDefault(run, new ConcurrentLinkedQueue<>()));
        Collections.sort(values);
        return values;
    }
}
