/**
 * Event time and processing time inside a task: timer services, the watermark valve of a task's inputs, processing
 * time services. This package is part of the engine's SPI: the timer contract an operator is handed by its
 * {@link dev.weir.engine.operators.OperatorContext} ({@link dev.weir.engine.time.KeyedTimerServices}, {@link
 * dev.weir.engine.time.InternalTimerService}, {@link dev.weir.engine.time.Triggerable}, {@link
 * dev.weir.engine.time.ProcessingTimeService}); the heap timer queues are internal.
 */
package dev.weir.engine.time;
