/**
 * The engine's read-only view of its jobs for the dashboard, the REST API and metrics exporters: the
 * {@link dev.weir.runtime.status.JobRegistry} of this JVM, one {@link dev.weir.runtime.status.JobView} per job, and
 * the per-subtask {@link dev.weir.runtime.status.TaskMetrics} that tasks publish once per unit of work.
 */
package dev.weir.runtime.status;
