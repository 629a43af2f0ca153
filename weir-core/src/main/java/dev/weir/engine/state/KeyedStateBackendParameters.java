package dev.weir.engine.state;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a {@link KeyedStateBackendFactory} needs to create the backend of one keyed operator subtask.
 *
 * @param operatorId      the operator's stable id (its uid, or one derived from the program)
 * @param operatorName    the operator's description, for error messages
 * @param subtask         the subtask index
 * @param maxParallelism  the number of key groups
 * @param keyGroupRange   the key groups this subtask owns
 * @param processingClock the clock that time-to-live reads (milliseconds)
 * @param settings        the job's configuration ({@code state.backend.*} and everything else)
 */
public record KeyedStateBackendParameters(String operatorId, String operatorName, int subtask, int maxParallelism,
                                          KeyGroupRange keyGroupRange, LongSupplier processingClock,
                                          Map<String, String> settings) {
    public KeyedStateBackendParameters {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        Objects.requireNonNull(processingClock, "processingClock");
        settings = Map.copyOf(settings);
    }
}
