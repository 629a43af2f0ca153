package dev.weir.api.common;

/** The identity of one parallel instance of an operator. */
public interface TaskInfo {
    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();

    /** Flink's "name (index+1/parallelism)" form, used in error messages and logs. */
    default String getTaskNameWithSubtasks() {
        return getTaskName() + " (" + (getIndexOfThisSubtask() + 1) + "/" + getNumberOfParallelSubtasks() + ")";
    }
}
