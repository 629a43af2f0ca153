"""Weir's anomaly detector (the ``./weir demo`` job, weir-examples' AnomalyDetection) written with the Python API.

Sensor readings arrive out of order, a few late, with injected anomalies. Per sensor, the mean and standard deviation
of the readings in the hour before each minute are kept in one-minute slices in keyed state; a reading more than three
standard deviations from its sensor's mean over the hour that ended at the last full minute before it is an alert.
Late readings (behind the watermark) go to a side output. The readings are the Java demo's, bit for bit: the same
SplitMix64 draws from the same seed, so the same seed gives the Java demo's alerts.

Run from the source tree: ./weir python weir-python/examples/anomaly.py [events] [sensors] [seed]
"""
import math
import sys

from weir.common import Configuration, WatermarkStrategy
from weir.datastream import KeyedProcessFunction, OutputTag, ProcessFunction, StreamExecutionEnvironment
from weir.datastream.connectors import NumberSequenceSource
from weir.datastream.state import ListStateDescriptor, MapStateDescriptor

LATE = OutputTag("late-readings")
_MASK = (1 << 64) - 1
HOUR = 3_600_000
FAR_FUTURE = 1 << 62


class SensorGenerator:
    """Reading ``i`` as a pure function of (seed, i): the twin of weir-examples' SensorGenerator."""
    LATE_BY_MILLIS = 10 * 60_000
    WARM_UP_ROUNDS = 120
    NOISE = 1.0
    ANOMALY = 12 * NOISE

    def __init__(self, seed, sensors, start_millis, period_millis, max_delay_millis, anomaly_one_in, late_one_in):
        self.seed, self.sensors, self.start = seed, sensors, start_millis
        self.period, self.max_delay = period_millis, max_delay_millis
        self.anomaly_one_in, self.late_one_in = anomaly_one_in, late_one_in

    def reading(self, i):
        """``(sensor, timestamp, value)`` of reading ``i``."""
        sensor = i % self.sensors
        ts = self.start + (i // self.sensors) * self.period - self._delay(i)
        level = 20 + 5 * sensor
        if self.is_anomaly(i):
            value = level + (self.ANOMALY if self._unit(i, 3) < 0.5 else -self.ANOMALY)
        else:
            value = level + self.NOISE * (2 * self._unit(i, 2) - 1) * math.sqrt(3)
        return sensor, ts, value

    def is_anomaly(self, i):
        return i // self.sensors >= self.WARM_UP_ROUNDS and not self.is_late(i) \
            and int(self._unit(i, 4) * self.anomaly_one_in) == 0

    def is_late(self, i):
        return i // self.sensors >= self.WARM_UP_ROUNDS and int(self._unit(i, 5) * self.late_one_in) == 0

    def _delay(self, i):
        return self.LATE_BY_MILLIS if self.is_late(i) else int(self._unit(i, 1) * (self.max_delay + 1))

    def _unit(self, i, stream):
        """SplitMix64 on 64-bit two's complement, as Java's longs wrap."""
        z = (self.seed + i * 0x9E3779B97F4A7C15 + stream * 0xD1B54A32D192ED03) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        z = z ^ (z >> 31)
        return (z >> 11) * 2.0 ** -53


class SeparateLate(ProcessFunction):
    """Runs the demo's watermark (bounded out-of-orderness, moved on by the readings themselves every ``step``) over
    the readings in source order: a reading behind it goes to LATE, the others go on carrying it."""

    def __init__(self, max_delay_millis, step_millis=1000):
        self.max_delay = max_delay_millis
        self.step = step_millis
        self.max_timestamp = None
        self.watermark = None

    def process_element(self, reading, ctx):
        sensor, ts, value = reading
        if self.watermark is not None and ts < self.watermark:
            yield LATE, reading
            return
        yield sensor, ts, value, self.watermark
        if self.max_timestamp is None or ts > self.max_timestamp:
            self.max_timestamp = ts
            candidate = ts - self.max_delay - 1
            if self.watermark is None or candidate - self.watermark >= self.step:
                self.watermark = candidate


class Detector(KeyedProcessFunction):
    """Per sensor: one-minute slices of (count, sum, sum of squares) in a MapState, readings waiting in a ListState
    until the watermark passes them; then each is judged against the hour that ended at the last full minute before
    it (so a reading never judges itself)."""
    MIN_COUNT = 30

    def __init__(self, slide_millis=60_000, window_millis=HOUR, threshold=3.0):
        self.slide, self.window, self.threshold = slide_millis, window_millis, threshold

    def open(self, runtime_context):
        self.slices = runtime_context.get_map_state(MapStateDescriptor("slices"))
        self.waiting = runtime_context.get_list_state(ListStateDescriptor("waiting"))

    def process_element(self, reading, ctx):
        sensor, ts, value, watermark = reading
        start = ts // self.slide * self.slide
        count, total, squares = self.slices.get(start) or (0, 0.0, 0.0)
        self.slices.put(start, (count + 1, total + value, squares + value * value))
        self.waiting.add((ts, value))
        # The final watermark of the bounded input judges what still waits.
        ctx.timer_service().register_event_time_timer(FAR_FUTURE)
        if watermark is not None:
            yield from self._judge_up_to(sensor, watermark)

    def on_timer(self, timestamp, ctx):
        yield from self._judge_up_to(ctx.get_current_key(), timestamp)

    def _judge_up_to(self, sensor, watermark):
        waiting = self.waiting.get() or []
        due = [r for r in waiting if r[0] <= watermark]
        if not due:
            return
        self.waiting.update([r for r in waiting if r[0] > watermark])
        slices = dict(self.slices.items())
        for ts, value in due:
            end = ts // self.slide * self.slide
            count, total, squares = 0, 0.0, 0.0
            for start in range(end - self.window, end, self.slide):
                if start in slices:
                    c, t, s = slices[start]
                    count, total, squares = count + c, total + t, squares + s
            if count < self.MIN_COUNT:
                continue
            mean = total / count
            sigma = math.sqrt(max(0.0, squares / count - mean * mean))
            if sigma > 0 and abs(value - mean) > self.threshold * sigma:
                yield sensor, ts, value, mean, sigma
        for start in [s for s in slices if s < watermark - self.window - 2 * self.slide]:
            self.slices.remove(start)


def build(env, generator, events):
    """The job: returns the alerts ``(sensor, ts, value, mean, sigma)`` and the late readings ``(sensor, ts, value)``."""
    readings = env.from_source(NumberSequenceSource(0, events - 1), WatermarkStrategy.no_watermarks(), "indices") \
        .map(generator.reading).name("Sensor Readings") \
        .process(SeparateLate(generator.max_delay)).name("Separate Late")
    alerts = readings \
        .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                          .with_timestamp_assigner(lambda r, previous: r[1])) \
        .key_by(lambda r: r[0]) \
        .process(Detector()).name("Detect Anomalies").uid("detector").set_parallelism(2)
    return alerts, readings.get_side_output(LATE)


def main():
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 4 * 1200
    sensors = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    generator = SensorGenerator(seed, sensors, 1_700_000_000_000, 1000, 5000, 150, 200)
    env = StreamExecutionEnvironment.get_execution_environment(Configuration())
    env.set_parallelism(1)
    alerts, late = build(env, generator, events)
    found = alerts.map(lambda a: "alert: sensor %d at %d: %.2f (mean %.2f, sigma %.2f)" % a) \
        .union(late.map(lambda r: "late reading: sensor %d at %d: %.2f" % r)).execute_and_collect()
    for line in sorted(found):
        print(line)


if __name__ == "__main__":
    main()
