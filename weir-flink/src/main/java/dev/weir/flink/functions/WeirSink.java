package dev.weir.flink.functions;

import dev.weir.flink.WeirVersionedSerializer;
import java.io.IOException;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Runs a two-phase-commit Weir sink (one with a committer, writer state or both, such as Weir's {@code FileSink}
 * and exactly-once {@code KafkaSink}) as a Flink sink: Flink's writer operator runs the Weir writer, keeps its state
 * and its committables in Flink's checkpoints, and Flink's committer operator hands them to the Weir committer once
 * the checkpoint completes. So the sink is exactly once on Flink as it is on Weir.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirSink extends SinkV2<Object> implements SupportsCommitter<Object>, SupportsWriterState<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.api.connector.sink2.Sink weir;

    public WeirSink(dev.weir.api.connector.sink2.Sink<?> weir) {
        this.weir = weir;
    }

    @Override
    public StatefulSinkWriter<Object, Object> createWriter(WriterInitContext context) throws IOException {
        return open(context, null);
    }

    @Override
    public StatefulSinkWriter<Object, Object> restoreWriter(WriterInitContext context, Collection<Object> recoveredState) throws IOException {
        return open(context, recoveredState);
    }

    private StatefulSinkWriter<Object, Object> open(WriterInitContext context, Collection<Object> recoveredState) throws IOException {
        WeirWriterInitContext weirContext = new WeirWriterInitContext(context);
        try {
            dev.weir.api.connector.sink2.SinkWriter writer = recoveredState != null && weir instanceof dev.weir.api.connector.sink2.SupportsWriterState stateful
                    ? stateful.restoreWriter(weirContext, recoveredState) : weir.createWriter(weirContext);
            return new WeirSinkWriter(writer);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The writer of the Weir sink " + weir.getClass().getName() + " could not be created", e);
        }
    }

    @Override
    public Committer<Object> createCommitter(CommitterInitContext context) throws IOException {
        if (!(weir instanceof dev.weir.api.connector.sink2.SupportsCommitter committing)) {
            return new WeirCommitter(null);
        }
        try {
            return new WeirCommitter(committing.createCommitter());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The committer of the Weir sink " + weir.getClass().getName() + " could not be created", e);
        }
    }

    @Override
    public SimpleVersionedSerializer<Object> getCommittableSerializer() {
        return new WeirVersionedSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Object> getWriterStateSerializer() {
        return new WeirVersionedSerializer();
    }
}
