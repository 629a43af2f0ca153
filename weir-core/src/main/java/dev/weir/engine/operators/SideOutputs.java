package dev.weir.engine.operators;

import dev.weir.util.OutputTag;

/** Checks and emits a side-output element on behalf of a process function's context. */
final class SideOutputs {
    private SideOutputs() {
    }

    static void emit(Output output, OutputTag<?> tag, Object value, long timestamp, StreamOperator owner) {
        if (tag == null) {
            throw new NullPointerException(owner.describe() + " emitted to a null OutputTag: pass the tag you read with getSideOutput(tag)");
        }
        if (value == null) {
            throw new NullPointerException(owner.describe() + " emitted null to side output '" + tag.getId() + "': records must not be null");
        }
        output.collect(tag, value, timestamp);
    }
}
