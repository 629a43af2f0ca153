package dev.weir.flink.functions;

import org.apache.flink.api.connector.sink2.Sink;

/** Flink's Sink V2 as Flink 2.x declares it; the Flink 1.20 twin of this class adds 1.20's deprecated writer factory. */
public abstract class SinkV2<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
}
