package dev.weir.plan;

/**
 * Says what an operator computes, without saying how: the runtime turns each spec into its operator. Specs are the
 * line between the public API and the runtime; they carry the user's functions and settings, nothing else.
 */
public interface OperatorSpec {
    /** A short human name of the operator kind, e.g. "Map" or "KeyedProcess". */
    String kind();

    /** Whether the operator needs event time (timestamps and watermarks) from its inputs. */
    default boolean needsEventTime() {
        return false;
    }

    /** Whether the operator is keyed: it keeps state or timers scoped to the key of its input. */
    default boolean isKeyed() {
        return false;
    }
}
