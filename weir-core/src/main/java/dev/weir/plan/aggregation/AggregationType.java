package dev.weir.plan.aggregation;

/** The built-in field aggregations of {@code KeyedStream}, named as in Flink. */
public enum AggregationType {
    /** Adds the field; the other fields are those of the accumulated (first) element. */
    SUM,
    /** Keeps the smallest value of the field; the other fields are those of the accumulated (first) element. */
    MIN,
    /** Keeps the largest value of the field; the other fields are those of the accumulated (first) element. */
    MAX,
    /** Keeps the whole element with the smallest value of the field. */
    MINBY,
    /** Keeps the whole element with the largest value of the field. */
    MAXBY
}
