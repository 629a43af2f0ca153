package dev.weir.contrib.streaming.state;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much memory RocksDB may use, as in Flink: with managed memory (the default) all RocksDB instances of the
 * process share one block cache and write buffer budget (128 MB in Weir, which has no task manager memory model);
 * a fixed size per slot sets that budget explicitly ({@code state.backend.rocksdb.memory.fixed-per-slot}).
 */
public final class RocksDBMemoryConfiguration implements Serializable {
    private static final long serialVersionUID = 1L;

    private Boolean useManagedMemory;
    private String fixedMemoryPerSlot;

    public void setUseManagedMemory(boolean useManagedMemory) {
        this.useManagedMemory = useManagedMemory;
    }

    public boolean isUsingManagedMemory() {
        return useManagedMemory == null || useManagedMemory;
    }

    /** The shared budget as a memory size, e.g. {@code "256mb"}. */
    public void setFixedMemoryPerSlot(String totalMemoryPerSlot) {
        this.fixedMemoryPerSlot = Objects.requireNonNull(totalMemoryPerSlot, "totalMemoryPerSlot");
    }

    public boolean isUsingFixedMemoryPerSlot() {
        return fixedMemoryPerSlot != null;
    }

    Map<String, String> toSettings() {
        Map<String, String> settings = new HashMap<>();
        if (useManagedMemory != null) {
            settings.put("state.backend.rocksdb.memory.managed", useManagedMemory.toString());
        }
        if (fixedMemoryPerSlot != null) {
            settings.put("state.backend.rocksdb.memory.fixed-per-slot", fixedMemoryPerSlot);
        }
        return settings;
    }
}
