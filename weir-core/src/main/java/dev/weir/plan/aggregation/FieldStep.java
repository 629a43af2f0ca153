package dev.weir.plan.aggregation;

/** One step of a field path: reads and writes one field of a holder object (a tuple or a POJO). */
interface FieldStep {

    /** The field's value in {@code holder}. */
    Object get(Object holder);

    /** Writes the field of {@code holder}, which is always a copy Weir made, never a user's record. */
    void set(Object holder, Object value);

    /** The field's name as users write it: {@code f1} or {@code price}. */
    String name();
}
