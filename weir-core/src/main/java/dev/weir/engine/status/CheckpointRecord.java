package dev.weir.engine.status;

/**
 * One checkpoint or savepoint of a job, as it stands.
 *
 * @param status         IN_PROGRESS, COMPLETED or FAILED
 * @param durationMillis from trigger to completion or failure; -1 while in progress
 * @param sizeBytes      bytes on disk once completed; -1 before
 * @param path           where it was written, once completed
 * @param failure        why it failed, or null
 */
public record CheckpointRecord(long id, String status, boolean savepoint, long triggerTime, long durationMillis, long sizeBytes,
                               String path, String failure) {
}
