package dev.weir.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The one type Weir's records have on Flink: Weir needs no type information, so every stream, key and state value
 * has {@link WeirRecordTypeInfo}, serialized as Weir serializes its snapshots when it crosses the network or enters
 * a checkpoint.
 */
public final class FlinkTypes {
    /** The type information of every record, key and state value of a translated job. */
    public static final TypeInformation<Object> OBJECT = new WeirRecordTypeInfo();

    private FlinkTypes() {
    }
}
