"""What the Python API's test modules share: an environment of a parallelism, records grouped by key, event time."""
from collections import defaultdict

from weir.common import Duration, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment


def env_with(parallelism):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


def by_key(records):
    """Each key's records in the order they came: a keyed operator's order per key is defined, across keys it is not."""
    grouped = defaultdict(list)
    for record in records:
        grouped[record[0]].append(record)
    return dict(grouped)


def event_time(stream, out_of_orderness_millis=None):
    """``stream`` with the event time in each record's third field; monotonous unless an out-of-orderness is given."""
    strategy = (WatermarkStrategy.for_monotonous_timestamps() if out_of_orderness_millis is None
                else WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_millis(out_of_orderness_millis)))
    return stream.assign_timestamps_and_watermarks(
        strategy.with_timestamp_assigner(lambda value, previous: value[2]))
