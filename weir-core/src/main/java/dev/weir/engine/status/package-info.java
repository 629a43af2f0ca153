/**
 * The engine's read-only view of its jobs for the dashboard, the REST API and metrics exporters: the
 * {@link dev.weir.engine.status.JobRegistry} of this JVM, one {@link dev.weir.engine.status.JobView} per job, and
 * the per-subtask {@link dev.weir.engine.status.TaskMetrics} that tasks publish once per unit of work.
 */
package dev.weir.engine.status;
