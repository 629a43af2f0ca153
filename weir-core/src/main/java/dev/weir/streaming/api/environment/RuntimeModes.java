package dev.weir.streaming.api.environment;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.configuration.ExecutionOptions;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Decides whether a job runs as BATCH or STREAMING from its mode and the boundedness of its sources. */
final class RuntimeModes {
    /** The setting that tells the runtime the resolved mode: {@code BATCH} or {@code STREAMING}. */
    static final String SETTING = ExecutionOptions.RUNTIME_MODE.key();

    private RuntimeModes() {
    }

    /**
     * STREAMING or BATCH: AUTOMATIC becomes BATCH when every source is bounded.
     *
     * @throws InvalidProgramException if the mode is BATCH and a source is unbounded, naming the source
     */
    static RuntimeExecutionMode resolve(RuntimeExecutionMode mode, List<Transformation> sinks) {
        if (mode == RuntimeExecutionMode.STREAMING) {
            return mode;
        }
        String unbounded = firstUnboundedSource(sinks);
        if (mode == RuntimeExecutionMode.AUTOMATIC) {
            return unbounded == null ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
        }
        if (unbounded != null) {
            throw new InvalidProgramException("Source '" + unbounded + "' is unbounded, and the job's execution.runtime-mode is "
                    + "BATCH, which needs bounded input: set the mode to STREAMING or AUTOMATIC, or make the source bounded");
        }
        return mode;
    }

    private static String firstUnboundedSource(List<Transformation> sinks) {
        Set<Transformation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Transformation> todo = new ArrayDeque<>(sinks);
        while (!todo.isEmpty()) {
            Transformation t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getSpec() instanceof Specs.SourceSpec source
                    && source.source().getBoundedness() != Boundedness.BOUNDED) {
                return t.getName();
            }
            todo.addAll(t.getInputs());
        }
        return null;
    }
}
