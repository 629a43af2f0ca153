package dev.weir.sqlcompat;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * One Flink 2.3 MiniCluster for a whole differential suite. Flink's TableEnvironment would start a MiniCluster (and
 * unpack its RPC system) for every query; sharing one keeps a suite of a hundred queries to seconds per query less.
 */
final class FlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final URI rest;

    FlinkCluster() throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(config).setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4).build());
        cluster.start();
        rest = cluster.getRestAddress().get();
    }

    /** A fresh StreamExecutionEnvironment whose jobs run on this cluster, at parallelism 1. */
    StreamExecutionEnvironment streamEnvironment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort());
        env.setParallelism(1);
        return env;
    }

    /** A fresh streaming TableEnvironment (own catalog) whose jobs run on this cluster, in UTC, at parallelism 1. */
    TableEnvironment tableEnvironment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort());
        env.setParallelism(1);
        TableEnvironment tables = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        tables.getConfig().set("table.local-time-zone", "UTC");
        tables.getConfig().set("parallelism.default", "1");
        return tables;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
