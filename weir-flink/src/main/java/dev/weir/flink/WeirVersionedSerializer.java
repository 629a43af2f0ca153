package dev.weir.flink;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes a Weir sink's committables and writer state into Flink's checkpoints with the serializer Weir uses for its
 * own snapshots, so they need no Flink serializer of their own. One instance per sink operator; Flink calls it on the
 * task thread, whose context class loader is the job's.
 */
public final class WeirVersionedSerializer implements SimpleVersionedSerializer<Object> {
    /** The format written: Weir's state serializer (Apache Fory), one value per call. */
    private static final int VERSION = 1;
    private StateSerializer serializer;

    private StateSerializer serializer() {
        if (serializer == null) {
            serializer = StateSerializers.create(Thread.currentThread().getContextClassLoader());
        }
        return serializer;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Object value) {
        return serializer().serialize(value);
    }

    @Override
    public Object deserialize(int version, byte[] serialized) {
        if (version != VERSION) {
            throw new IllegalStateException("A Weir sink's committable or writer state in this checkpoint has format version "
                    + version + ", and this weir-flink reads version " + VERSION + "; restore it with the Weir version that wrote it");
        }
        return serializer().deserialize(serialized);
    }
}
