package dev.weir.engine.exec;

import dev.weir.engine.exchange.RecordWriter;
import java.util.List;

/** All outgoing edges of one task: flushed together, backlogged together, ended together. */
final class TaskWriters {
    private final RecordWriter[] writers;

    TaskWriters(List<RecordWriter> writers) {
        this.writers = writers.toArray(new RecordWriter[0]);
    }

    /** Publishes what was emitted; returns true when nothing is left waiting for space downstream. */
    boolean flush() {
        boolean drained = true;
        for (RecordWriter w : writers) {
            drained &= w.flush();
        }
        return drained;
    }

    boolean hasBacklog() {
        for (RecordWriter w : writers) {
            if (w.hasBacklog()) {
                return true;
            }
        }
        return false;
    }

    void emitBarrier(long checkpointId) {
        for (RecordWriter w : writers) {
            w.emitBarrier(checkpointId);
        }
    }

    void emitEndOfInput() {
        for (RecordWriter w : writers) {
            w.emitEndOfInput();
        }
    }
}
