/**
 * Checkpoints inside the engine: the coordinator, barriers' acknowledgements, snapshots of key groups and operator
 * state, restore and redistribution. This package is part of the engine's SPI only for the types an operator
 * snapshots into and restores from ({@link dev.weir.engine.checkpoint.OperatorStateSnapshot} and {@link
 * dev.weir.engine.checkpoint.StateInitialization}, named by {@link dev.weir.engine.operators.StreamOperator}); the
 * coordinator and the restore machinery are internal.
 */
package dev.weir.engine.checkpoint;
