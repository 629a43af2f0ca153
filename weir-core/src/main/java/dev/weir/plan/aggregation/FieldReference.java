package dev.weir.plan.aggregation;

/**
 * A field a user addressed by position or field expression, as {@link FieldPathResolver} resolves it: the field of a
 * {@link FieldAggregation}, or one field of a {@link FieldKeySelector}. Its {@code toString()} is the call as the
 * user wrote it ({@code sum(1)}, {@code keyBy("word")}) and starts every error message.
 */
interface FieldReference {
    /** The position, when {@link #fieldExpression()} is {@code null}. */
    int fieldPosition();

    /** The field expression, or {@code null} when the field is a position. */
    String fieldExpression();

    /** The method name users call: {@code sum}, {@code minBy}, {@code keyBy}, ... */
    String kindName();

    /** What an aggregation does with the field, or {@code null} when the field is only read (a key). */
    AggregationType aggregationType();
}
