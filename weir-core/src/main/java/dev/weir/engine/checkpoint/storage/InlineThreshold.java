package dev.weir.engine.checkpoint.storage;

import java.util.Map;

/**
 * Flink's {@code execution.checkpointing.data-inline-threshold}: the size up to which a subtask's snapshot is stored in
 * {@code _metadata} itself instead of a file of its own, read from the storage's settings and checked against Flink's
 * bounds.
 */
final class InlineThreshold {
    /** Flink's default: 20 KB. */
    static final int DEFAULT_BYTES = 20 * 1024;
    /** Flink's upper bound: 1 MB, since {@code _metadata} is read whole. */
    static final int MAX_BYTES = 1024 * 1024;

    private InlineThreshold() {
    }

    /** The threshold in bytes from {@code settings} (a size such as {@code 20kb}, or bytes), or the default. */
    static int fromSettings(Map<String, String> settings) {
        String key = CheckpointStorage.INLINE_THRESHOLD;
        String text = settings.get(key);
        if (text == null) {
            return DEFAULT_BYTES;
        }
        long bytes;
        try {
            bytes = dev.weir.configuration.MemorySize.parseBytes(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' must be a memory size such as 20kb, was '" + text
                    + "': " + e.getMessage(), e);
        }
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("'" + key + "' is " + text + "; it must be between 0 and 1mb "
                    + "(as in Flink: _metadata is read whole); set a smaller size, or 0 to write every snapshot to a file");
        }
        return (int) bytes;
    }
}
