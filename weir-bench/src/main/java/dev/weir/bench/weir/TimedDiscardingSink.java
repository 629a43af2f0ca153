package dev.weir.bench.weir;

import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The {@link TimedSink} of the SQL workloads' DataStream twins (12b, 12d), declared a {@link DiscardingSink} as the
 * SQL job's {@code blackhole} table is: Weir gives a chain ending in any other sink a thread of its own (a sink may
 * block), so the twin ran on four threads where the SQL job runs on the two shared workers, and on a loaded machine
 * took twice the SQL job's share of the cores.
 */
final class TimedDiscardingSink<T> extends DiscardingSink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new TimedSink<T>().createWriter(context);
    }
}
