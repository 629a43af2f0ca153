/**
 * Where checkpoints are kept: the file format of a checkpoint's metadata and subtask files, and the directory layout
 * of a job's checkpoints. This package is part of the engine's SPI: {@link
 * dev.weir.engine.checkpoint.storage.CheckpointStorage} (today a final class over a file system; another storage,
 * such as S3, will extract its interface) and the {@link dev.weir.engine.checkpoint.storage.StateSerializer} it
 * writes with are what another storage builds on.
 */
package dev.weir.engine.checkpoint.storage;
