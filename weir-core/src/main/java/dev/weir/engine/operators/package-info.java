/**
 * The engine's operators: the runtime form of every transformation, called by a task's thread one element, watermark
 * or timer at a time. This package is part of the engine's SPI: the operator contract ({@link
 * dev.weir.engine.operators.StreamOperator}, {@link dev.weir.engine.operators.OneInputOperator}, {@link
 * dev.weir.engine.operators.TwoInputOperator}, {@link dev.weir.engine.operators.Output}, {@link
 * dev.weir.engine.operators.OperatorContext} and the {@link dev.weir.engine.operators.AbstractStreamOperator} base)
 * is what modules such as weir-sql implement their own operators against; the concrete operators here are internal.
 */
package dev.weir.engine.operators;
