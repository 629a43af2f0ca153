package dev.weir.api.common;

/** The identity of one parallel instance of an operator. */
public interface TaskInfo {
    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();

    /** Flink's "name (index+1/parallelism)#attempt" form, used in error messages and logs, e.g. {@code "Map (2/4)#0"}. */
    default String getTaskNameWithSubtasks() {
        return getTaskName() + " (" + (getIndexOfThisSubtask() + 1) + "/" + getNumberOfParallelSubtasks() + ")#" + getAttemptNumber();
    }
}
