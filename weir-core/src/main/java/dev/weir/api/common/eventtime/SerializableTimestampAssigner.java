package dev.weir.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that is serializable, for lambdas. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {
}
