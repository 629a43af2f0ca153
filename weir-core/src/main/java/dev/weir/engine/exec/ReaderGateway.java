package dev.weir.engine.exec;

import dev.weir.api.connector.source.SourceEvent;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.engine.operators.OperatorFailure;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a source's coordinator sends one reader, in the order it was sent: split assignments, "no more splits",
 * enumerator events, and the checkpoints the coordinator triggered after snapshotting the enumerator. Any thread
 * adds; the reader's task thread delivers between two polls, so the record path never waits for the coordinator.
 * One queue for all four keeps an enumerator's snapshot and the reader's snapshot of one checkpoint consistent.
 */
final class ReaderGateway {
    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();

    private record Assignment(List<?> splits) {
    }

    private record Event(SourceEvent event) {
    }

    private record Checkpoint(long checkpointId, long timestamp) {
    }

    private static final Object NO_MORE_SPLITS = new Object();

    void assign(List<?> splits) {
        items.add(new Assignment(List.copyOf(splits)));
    }

    void noMoreSplits() {
        items.add(NO_MORE_SPLITS);
    }

    void event(SourceEvent event) {
        items.add(new Event(event));
    }

    void checkpoint(long checkpointId, long timestamp) {
        items.add(new Checkpoint(checkpointId, timestamp));
    }

    /** Whether something waits for the reader's thread. */
    boolean hasItems() {
        return !items.isEmpty();
    }

    /**
     * Hands everything queued to {@code reader} and {@code task}, in order, on the task thread; returns how many items.
     * Stops after a checkpoint when the task ended meanwhile.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    int deliver(SplitSourceReader<?, ?> reader, TaskCheckpoints.Triggerable task, String taskName) throws Exception {
        int n = 0;
        Object item;
        while ((item = items.poll()) != null) {
            n++;
            if (item instanceof Checkpoint c) {
                task.takeCheckpoint(c.checkpointId(), c.timestamp());
                continue;
            }
            try {
                if (item instanceof Assignment a) {
                    ((SplitSourceReader) reader).addSplits(a.splits());
                } else if (item instanceof Event e) {
                    reader.handleSourceEvents(e.event());
                } else {
                    reader.notifyNoMoreSplits();
                }
            } catch (Throwable t) {
                throw new OperatorFailure(taskName, "while handling " + describe(item) + " from the split enumerator", t);
            }
        }
        return n;
    }

    private static String describe(Object item) {
        if (item instanceof Assignment a) {
            return "the assignment of splits " + a.splits();
        }
        return item instanceof Event e ? "event " + e.event() : "the end of its splits (notifyNoMoreSplits)";
    }
}
