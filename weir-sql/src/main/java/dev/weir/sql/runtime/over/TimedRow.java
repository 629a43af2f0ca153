package dev.weir.sql.runtime.over;

import dev.weir.types.Row;
import java.io.Serializable;

/** A row inside an OVER window's frame, with its event time. */
public record TimedRow(long time, Row row) implements Serializable {
}
