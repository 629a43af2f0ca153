/**
 * Keyed state: key groups ({@link dev.weir.engine.state.KeyGroupRangeAssignment}), the heap state backend and its
 * time-to-live wrappers. This package is part of the engine's SPI: {@link dev.weir.engine.state.KeyedStateBackend},
 * {@link dev.weir.engine.state.OwnedKeyedState} and {@link dev.weir.engine.state.StateEntryVisitor} are the contract a
 * state backend (weir-rocksdb) implements; the heap classes are internal.
 */
package dev.weir.engine.state;
