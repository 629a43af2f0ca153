package dev.weir.testing;

import dev.weir.util.OutputTag;
import dev.weir.engine.operators.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the operator under test emits, in order: elements and watermarks of the main output, and the
 * elements of each side output. Idleness changes are not kept: a harness has no downstream to tell.
 */
final class HarnessOutput implements Output {
    private final List<HarnessRecord> main = new ArrayList<>();
    private final Map<OutputTag<?>, List<HarnessRecord>> side = new LinkedHashMap<>();

    @Override
    public void collect(Object value, long timestamp) {
        main.add(HarnessRecord.element(value, timestamp));
    }

    @Override
    public void collect(OutputTag<?> tag, Object value, long timestamp) {
        side.computeIfAbsent(tag, t -> new ArrayList<>()).add(HarnessRecord.element(value, timestamp));
    }

    @Override
    public void emitWatermark(long watermark) {
        main.add(HarnessRecord.watermark(watermark));
    }

    @Override
    public void emitIdleness(boolean idle) {
    }

    List<HarnessRecord> main() {
        return main;
    }

    List<HarnessRecord> side(OutputTag<?> tag) {
        return side.getOrDefault(tag, List.of());
    }

    /** Every side output's records, by tag, in the order the tags were first used. */
    Map<OutputTag<?>, List<HarnessRecord>> sides() {
        return side;
    }

    void clear() {
        main.clear();
        side.clear();
    }
}
