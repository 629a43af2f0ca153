package dev.weir.python;

import java.io.Serializable;

/** A record with the event time the Python timestamp assigner gave it, on its way into Weir's watermark operator. */
record Stamped(long timestamp, Object value) implements Serializable {
}
