package dev.weir.flink;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information of every Weir record, key and state value: serialized by {@link WeirRecordSerializer}. */
public final class WeirRecordTypeInfo extends TypeInformation<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Object> getTypeClass() {
        return Object.class;
    }

    /** Keys are hashed by their {@code hashCode()}, as on Weir. */
    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<Object> createSerializer(SerializerConfig config) {
        return new WeirRecordSerializer();
    }

    /** Abstract in Flink 1.20 (hence no {@code @Override}: Flink 2.x removed it). */
    @SuppressWarnings("deprecation")
    public TypeSerializer<Object> createSerializer(ExecutionConfig config) {
        return new WeirRecordSerializer();
    }

    @Override
    public String toString() {
        return "WeirRecord";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WeirRecordTypeInfo;
    }

    @Override
    public int hashCode() {
        return WeirRecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof WeirRecordTypeInfo;
    }
}
