"""examples/anomaly.py, the demo's anomaly detector in Python, finds the Java demo's alerts for the same seed: every
injected anomaly and nothing else, and every late reading on the side output (what weir-examples' AnomalyDetectionTest
asserts of the Java job)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples"))

import anomaly  # noqa: E402  (the example lives beside the sources, not in the package)
from weir.datastream import StreamExecutionEnvironment  # noqa: E402


class AnomalyExampleTest(unittest.TestCase):
    def test_the_python_generator_draws_the_java_generators_numbers(self):
        generator = anomaly.SensorGenerator(7, 8, 0, 1000, 5000, 150, 200)
        # Printed by SensorGenerator's SplitMix64 in Java for seed 7.
        self.assertEqual([generator._unit(0, s) for s in (1, 2, 3)],
                         [0.7274877220719126, 0.26811605392121096, 0.0012739776887721321])

    def test_finds_every_injected_anomaly_and_flags_no_normal_reading_for_a_fixed_seed(self):
        sensors, events = 4, 4 * 600
        generator = anomaly.SensorGenerator(7, sensors, 1_700_000_000_000, 1000, 5000, 60, 80)
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        alerts, late = anomaly.build(env, generator, events)
        found = alerts.map(lambda a: ("alert", a[0], a[1], a[2])) \
            .union(late.map(lambda r: ("late",) + tuple(r))).execute_and_collect()

        injected = {("alert",) + generator.reading(i) for i in range(events) if generator.is_anomaly(i)}
        late_readings = {("late",) + generator.reading(i) for i in range(events) if generator.is_late(i)}
        self.assertGreater(len(injected), 20)
        self.assertGreater(len(late_readings), 20)
        self.assertEqual(sorted(found), sorted(injected | late_readings))


if __name__ == "__main__":
    unittest.main()
