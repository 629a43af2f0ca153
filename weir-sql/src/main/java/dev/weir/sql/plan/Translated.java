package dev.weir.sql.plan;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.types.Row;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A plan node translated to a Weir stream of rows (internal form): the stream, its row type, which column is the
 * event-time attribute (the records' timestamps; -1 for none), and whether the rows are an updating changelog.
 */
public record Translated(DataStream<Row> stream, RelDataType rowType, int rowtimeIndex, boolean updating) {
}
