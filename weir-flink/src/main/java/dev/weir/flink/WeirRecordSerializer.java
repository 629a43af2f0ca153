package dev.weir.flink;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes Weir's records on Flink (network exchanges, state, checkpoints) with the serializer Weir uses for its
 * own snapshots (Apache Fory): any class, Java records and classes without a no-argument constructor included,
 * which Flink's Kryo fallback cannot read. Each record is written as its length and its bytes.
 */
public final class WeirRecordSerializer extends TypeSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private transient StateSerializer serializer;

    private StateSerializer serializer() {
        if (serializer == null) {
            // Created in the task thread, whose context class loader is Flink's user-code class loader.
            serializer = StateSerializers.create(Thread.currentThread().getContextClassLoader());
        }
        return serializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    /** A new instance: Fory is not thread-safe, and Flink duplicates serializers for each thread. */
    @Override
    public TypeSerializer<Object> duplicate() {
        return new WeirRecordSerializer();
    }

    @Override
    public Object createInstance() {
        return null;
    }

    @Override
    public Object copy(Object from) {
        return from == null ? null : serializer().copy(from);
    }

    @Override
    public Object copy(Object from, Object reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Object record, DataOutputView target) throws IOException {
        byte[] bytes = serializer().serialize(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public Object deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return serializer().deserialize(bytes);
    }

    @Override
    public Object deserialize(Object reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WeirRecordSerializer;
    }

    @Override
    public int hashCode() {
        return WeirRecordSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Object> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Object> {
        public Snapshot() {
            super(WeirRecordSerializer::new);
        }
    }
}
