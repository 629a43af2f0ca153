"""The Flink tutorial's windowed word count, on Weir: change ``pyflink.`` to ``weir.`` in the imports.

Each line carries its event time; words are counted per 5-second tumbling event-time window.
Run from Weir's source tree with ``./weir python weir-python/examples/word_count.py``.
"""
from weir.common import Duration, Time, Types, WatermarkStrategy
from weir.common.watermark_strategy import TimestampAssigner
from weir.datastream import StreamExecutionEnvironment, TumblingEventTimeWindows


class LineTimestamp(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[0]


def split(line):
    for word in line[1].split():
        yield word, 1


def main():
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    lines = env.from_collection([
        (1_000, "to be or not to be"),
        (2_500, "that is the question"),
        (4_999, "to be"),
        (5_000, "the question"),
        (12_000, "to be or not"),
    ], type_info=Types.TUPLE([Types.LONG(), Types.STRING()]))
    (lines
     .assign_timestamps_and_watermarks(WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_seconds(1))
                                       .with_timestamp_assigner(LineTimestamp()))
     .flat_map(split, output_type=Types.TUPLE([Types.STRING(), Types.INT()]))
     .key_by(lambda word_count: word_count[0])
     .window(TumblingEventTimeWindows.of(Time.seconds(5)))
     .sum(1)
     .print())
    env.execute("word count")


if __name__ == "__main__":
    main()
