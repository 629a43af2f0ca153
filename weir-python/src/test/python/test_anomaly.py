"""examples/anomaly.py, the demo's anomaly detector in Python, finds the Java demo's alerts for the same seed: every
injected anomaly and nothing else, and every late reading on the side output (what weir-examples' AnomalyDetectionTest
asserts of the Java job)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples"))

import anomaly  # noqa: E402  (the example lives beside the sources, not in the package)
from weir.datastream import StreamExecutionEnvironment  # noqa: E402


#: What weir-examples' Java AnomalyDetection emits for the settings below (seed 7, 4 sensors, 2,400 readings from
#: 1,700,000,000,000 ms one second apart, delays up to 5 s, an anomaly one in 60, a late reading one in 80; one-hour
#: statistics in one-minute slices), at parallelism 1: its alerts as (sensor, timestamp, value) and its late readings,
#: sorted; printed from AnomalyDetection.build(env, new Settings(7, 4, 2400, 0, 1_700_000_000_000L, 1000, 5000,
#: Duration.ofHours(1), Duration.ofMinutes(1), 60, 80)).alerts() and .late().
JAVA_DEMO_OUTPUT = [
    ("alert", 0, 1700000130757, 8.0), ("alert", 0, 1700000171000, 32.0), ("alert", 0, 1700000197291, 32.0),
    ("alert", 0, 1700000405245, 32.0), ("alert", 0, 1700000466185, 32.0), ("alert", 0, 1700000513546, 8.0),
    ("alert", 0, 1700000567506, 32.0), ("alert", 0, 1700000574908, 32.0), ("alert", 1, 1700000355073, 13.0),
    ("alert", 1, 1700000473340, 13.0), ("alert", 2, 1700000290154, 42.0), ("alert", 2, 1700000379032, 42.0),
    ("alert", 2, 1700000402562, 18.0), ("alert", 2, 1700000433093, 18.0), ("alert", 2, 1700000533261, 42.0),
    ("alert", 2, 1700000549834, 42.0), ("alert", 2, 1700000568954, 18.0), ("alert", 2, 1700000597625, 18.0),
    ("alert", 3, 1700000202430, 23.0), ("alert", 3, 1700000241021, 47.0), ("alert", 3, 1700000251345, 47.0),
    ("alert", 3, 1700000310948, 47.0), ("alert", 3, 1700000357055, 47.0), ("alert", 3, 1700000386804, 47.0),
    ("alert", 3, 1700000503373, 47.0), ("alert", 3, 1700000532226, 23.0), ("alert", 3, 1700000536648, 23.0),
    ("alert", 3, 1700000575416, 47.0), ("alert", 3, 1700000589278, 47.0),
    ("late", 0, 1699999840000, 19.10245285438627), ("late", 0, 1699999847000, 18.26908320264456),
    ("late", 1, 1699999707000, 25.55530557935567), ("late", 1, 1699999948000, 24.1581982083881),
    ("late", 2, 1699999521000, 28.503854879231042), ("late", 2, 1699999531000, 28.33699899910778),
    ("late", 2, 1699999538000, 31.41069805637789), ("late", 2, 1699999552000, 31.376905977008967),
    ("late", 2, 1699999630000, 31.577145441463053), ("late", 2, 1699999633000, 30.928727427765857),
    ("late", 2, 1699999742000, 28.908119672989947), ("late", 2, 1699999904000, 30.886311001874905),
    ("late", 2, 1699999908000, 28.763141433953372), ("late", 3, 1699999543000, 36.60863991539538),
    ("late", 3, 1699999709000, 33.45100423614741), ("late", 3, 1699999722000, 35.652829493965),
    ("late", 3, 1699999739000, 36.13017914016086), ("late", 3, 1699999760000, 35.14328230805389),
    ("late", 3, 1699999816000, 36.057438210995635), ("late", 3, 1699999870000, 35.56271932937838),
    ("late", 3, 1699999921000, 34.415418908176285), ("late", 3, 1699999954000, 35.435029793153106),
    ("late", 3, 1699999968000, 34.904261813194374)]


class AnomalyExampleTest(unittest.TestCase):
    def test_the_python_generator_draws_the_java_generators_numbers(self):
        generator = anomaly.SensorGenerator(7, 8, 0, 1000, 5000, 150, 200)
        # Printed by SensorGenerator's SplitMix64 in Java for seed 7.
        self.assertEqual([generator._unit(0, s) for s in (1, 2, 3)],
                         [0.7274877220719126, 0.26811605392121096, 0.0012739776887721321])

    def test_finds_every_injected_anomaly_and_flags_no_normal_reading_for_a_fixed_seed(self):
        generator, events = _GENERATOR, 4 * 600
        injected = {("alert",) + generator.reading(i) for i in range(events) if generator.is_anomaly(i)}
        late_readings = {("late",) + generator.reading(i) for i in range(events) if generator.is_late(i)}
        self.assertGreater(len(injected), 20)
        self.assertGreater(len(late_readings), 20)
        self.assertEqual(_alerts_and_late_readings(generator, events), sorted(injected | late_readings))

    def test_gives_the_java_demos_alerts_and_late_readings_for_the_same_seed(self):
        self.assertEqual(_alerts_and_late_readings(_GENERATOR, 4 * 600), JAVA_DEMO_OUTPUT)


#: Seed 7, four sensors reading once a second from 1,700,000,000,000 ms, delays up to 5 s, an anomaly one in 60, a late
#: reading one in 80.
_GENERATOR = anomaly.SensorGenerator(7, 4, 1_700_000_000_000, 1000, 5000, 60, 80)


def _alerts_and_late_readings(generator, events):
    """The example's alerts as ("alert", sensor, timestamp, value) and its late readings as ("late", ...), sorted."""
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    alerts, late = anomaly.build(env, generator, events)
    return sorted(alerts.map(lambda a: ("alert", a[0], a[1], a[2]))
                  .union(late.map(lambda r: ("late",) + tuple(r))).execute_and_collect())

if __name__ == "__main__":
    unittest.main()
