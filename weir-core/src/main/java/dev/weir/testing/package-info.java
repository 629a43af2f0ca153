/**
 * The supported way to unit-test your functions: a harness runs one operator of your function with the real
 * runtime's keyed state and timers, a processing-time clock that moves only when the test says so, and its output
 * kept in lists. Start from {@link dev.weir.testing.OneInputHarness}, {@link dev.weir.testing.TwoInputHarness} or
 * Flink's {@link dev.weir.testing.ProcessFunctionTestHarnesses}; docs/testing.md walks through a complete test.
 */
package dev.weir.testing;
