/**
 * Where checkpoints are kept: the file format of a checkpoint's metadata and subtask files, and the directory layout
 * of a job's checkpoints. This package is part of the engine's SPI: {@link
 * dev.weir.engine.checkpoint.storage.CheckpointStorage} writes on a file system and, for locations with a URI scheme
 * ({@code s3://}), stages there and uploads through the {@link dev.weir.engine.checkpoint.storage.CheckpointObjectStore}
 * that a {@link dev.weir.engine.checkpoint.storage.CheckpointObjectStoreFactory} on the class path opens (weir-s3);
 * the {@link dev.weir.engine.checkpoint.storage.StateSerializer} it writes with is what another storage builds on.
 */
package dev.weir.engine.checkpoint.storage;
