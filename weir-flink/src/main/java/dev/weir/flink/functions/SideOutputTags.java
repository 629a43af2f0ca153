package dev.weir.flink.functions;

import dev.weir.flink.FlinkTypes;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.util.OutputTag;

/** Weir's output tags as Flink's, with the same id; each tag is converted once per task and then looked up. */
public final class SideOutputTags {
    private final Map<dev.weir.util.OutputTag<?>, OutputTag<Object>> tags = new HashMap<>();

    /** The Flink tag of a Weir tag: same id, Weir's generic record type. */
    public static OutputTag<Object> toFlink(dev.weir.util.OutputTag<?> weir) {
        return new OutputTag<>(weir.getId(), FlinkTypes.OBJECT);
    }

    OutputTag<Object> get(dev.weir.util.OutputTag<?> weir) {
        OutputTag<Object> tag = tags.get(weir);
        if (tag == null) {
            tag = toFlink(weir);
            tags.put(weir, tag);
        }
        return tag;
    }
}
