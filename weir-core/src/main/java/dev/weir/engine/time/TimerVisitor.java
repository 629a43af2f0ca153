package dev.weir.engine.time;

/** Receives the timers of a keyed operator one by one, for a snapshot. */
@FunctionalInterface
public interface TimerVisitor {
    void visit(String service, boolean eventTime, Object key, Object namespace, long timestamp) throws Exception;
}
