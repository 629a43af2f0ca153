package dev.weir.engine.time;

import dev.weir.engine.state.KeyContext;

/**
 * Implemented by a keyed state backend that can keep its operator's timers itself (RocksDB does, as Flink's
 * {@code state.backend.rocksdb.timer-service.factory: ROCKSDB}); the engine asks it once per keyed operator subtask in
 * STREAMING mode, and keeps the timers on the heap ({@link HeapTimerServices}) when the backend answers null.
 */
public interface TimerServicesFactory {
    /**
     * The timer services of this backend's operator subtask, whose timers fire with {@code keys} set to their key
     * and register processing-time callbacks with {@code processingTime}; or null to keep the timers on the heap.
     */
    CheckpointableTimerServices createTimerServices(KeyContext keys, ProcessingTimeService processingTime);
}
