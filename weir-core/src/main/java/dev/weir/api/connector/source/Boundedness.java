package dev.weir.api.connector.source;

/** Whether a source ends. A bounded source's end emits a final {@code Long.MAX_VALUE} watermark. */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
