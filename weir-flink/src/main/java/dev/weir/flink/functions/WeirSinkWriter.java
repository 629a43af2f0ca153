package dev.weir.flink.functions;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

/**
 * A Weir sink writer in Flink's writer operator: elements, watermarks and flushes go to it as they come; at a
 * checkpoint Flink asks it for its committables ({@code prepareCommit}) and then its state, as Weir does.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class WeirSinkWriter implements CommittingSinkWriter<Object, Object>, StatefulSinkWriter<Object, Object> {
    private final dev.weir.api.connector.sink2.SinkWriter weir;
    private final ContextAdapter context = new ContextAdapter();

    WeirSinkWriter(dev.weir.api.connector.sink2.SinkWriter<?> weir) {
        this.weir = weir;
    }

    @Override
    public void write(Object element, Context flink) throws IOException, InterruptedException {
        context.flink = flink;
        // Not through call(): a capturing lambda would allocate for every record.
        try {
            weir.write(element, context);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
        call(() -> weir.writeWatermark(watermark.getTimestamp()));
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        call(() -> weir.flush(endOfInput));
    }

    @Override
    public Collection<Object> prepareCommit() throws IOException, InterruptedException {
        if (!(weir instanceof dev.weir.api.connector.sink2.CommittingSinkWriter committing)) {
            return List.of();
        }
        try {
            return committing.prepareCommit();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public List<Object> snapshotState(long checkpointId) throws IOException {
        if (!(weir instanceof dev.weir.api.connector.sink2.StatefulSinkWriter stateful)) {
            return List.of();
        }
        try {
            return stateful.snapshotState(checkpointId);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        weir.close();
    }

    private static void call(WriterCall call) throws IOException, InterruptedException {
        try {
            call.run();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** A writer call that may throw what Weir's writer methods declare. */
    @FunctionalInterface
    private interface WriterCall {
        void run() throws Exception;
    }

    /** Flink's writer context as Weir's, re-aimed per element. */
    private static final class ContextAdapter implements dev.weir.api.connector.sink2.SinkWriter.Context {
        Context flink;

        @Override
        public long currentWatermark() {
            return flink.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }
    }
}
