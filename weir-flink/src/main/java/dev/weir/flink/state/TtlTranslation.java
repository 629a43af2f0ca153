package dev.weir.flink.state;

import dev.weir.api.common.state.StateTtlConfig;

/** Weir's state time-to-live as Flink's: the same time-to-live, update type and visibility (processing time, as in both). */
final class TtlTranslation {
    private TtlTranslation() {
    }

    static org.apache.flink.api.common.state.StateTtlConfig toFlink(StateTtlConfig weir) {
        var builder = org.apache.flink.api.common.state.StateTtlConfig.newBuilder(weir.getTimeToLive());
        builder.setUpdateType(weir.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite
                ? org.apache.flink.api.common.state.StateTtlConfig.UpdateType.OnReadAndWrite
                : org.apache.flink.api.common.state.StateTtlConfig.UpdateType.OnCreateAndWrite);
        builder.setStateVisibility(weir.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp
                ? org.apache.flink.api.common.state.StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp
                : org.apache.flink.api.common.state.StateTtlConfig.StateVisibility.NeverReturnExpired);
        return builder.build();
    }
}
