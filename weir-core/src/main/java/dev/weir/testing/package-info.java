/**
 * The supported way to unit-test your functions: a harness runs one operator of your function with the real
 * runtime's keyed state and timers, a processing-time clock that moves only when the test says so, and its output
 * kept in lists. Start from {@link dev.weir.testing.OneInputHarness}, {@link dev.weir.testing.TwoInputHarness} or
 * Flink's {@link dev.weir.testing.ProcessFunctionTestHarnesses} ({@link dev.weir.testing.OneInputHarness#forWindow} for
 * windows). {@link dev.weir.testing.OperatorHarness#snapshot()} and {@link dev.weir.testing.OperatorHarness#restore}
 * move an operator's state into a fresh instance, and {@link dev.weir.testing.ReplayVerifier} replays an input with a
 * restore after every element or watermark and with extra watermarks, demanding the same output each time;
 * docs/testing.md walks through a complete test and a restore bug the verifier catches.
 */
package dev.weir.testing;
