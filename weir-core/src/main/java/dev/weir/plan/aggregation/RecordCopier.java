package dev.weir.plan.aggregation;

import dev.weir.api.java.tuple.Tuple;

/** Makes the shallow copy an aggregation writes its result into, so that no user record is ever modified. */
interface RecordCopier {

    /** A new object of the record's class with the same field values. */
    Object copy(Object record);

    /**
     * The copier for records of exactly {@code type}.
     *
     * @throws IllegalArgumentException when records of the type cannot be copied, with the reason
     */
    static RecordCopier forClass(Class<?> type) {
        if (Tuple.class.isAssignableFrom(type) && type.getSuperclass() == Tuple.class) {
            return record -> ((Tuple) record).copy();
        }
        // A tuple subclass is copied field by field so that the copy keeps the subclass and its extra fields.
        return FieldByFieldCopier.forClass(type);
    }
}
