"""The Flink tutorial's word count, run as a program the way a user runs it."""
import os
import subprocess
import sys
import unittest

from weir.common import Time
from weir.datastream import StreamExecutionEnvironment, TumblingEventTimeWindows
from weir.errors import InvalidProgramError

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples")


class WordCountTest(unittest.TestCase):
    def test_the_tutorial_word_count_with_timestamps_prints_flinks_counts_window_by_window(self):
        result = subprocess.run([sys.executable, os.path.join(EXAMPLES, "word_count.py")],
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        # [0 s, 5 s): three lines; [5 s, 10 s): one; [10 s, 15 s): one. A window fires when the watermark passes
        # its end - 1, so at parallelism 1 each window's counts come out before the next window's.
        self.assertEqual(len(lines), 14, result.stdout)
        self.assertEqual(set(lines[:8]), {"(to,3)", "(be,3)", "(or,1)", "(not,1)", "(that,1)", "(is,1)", "(the,1)",
                                          "(question,1)"})
        self.assertEqual(set(lines[8:10]), {"(the,1)", "(question,1)"})
        self.assertEqual(set(lines[10:]), {"(to,1)", "(be,1)", "(or,1)", "(not,1)"})

    def test_the_tutorial_word_count_without_timestamps_is_refused_before_it_starts_naming_the_fix(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        (env.from_collection(["to be or not to be"]).name("lines")
         .flat_map(lambda line: [(word, 1) for word in line.split()])
         .key_by(lambda word_count: word_count[0])
         .window(TumblingEventTimeWindows.of(Time.seconds(5)))
         .sum(1).name("counts")
         .print())
        with self.assertRaises(InvalidProgramError) as refused:
            env.execute()
        self.assertEqual(str(refused.exception),
                         "Window 'counts' works in event time, but its input from source 'lines' has no timestamps "
                         "and watermarks, so it would never fire. Call assign_timestamps_and_watermarks("
                         "WatermarkStrategy.for_bounded_out_of_orderness(...).with_timestamp_assigner(...)) on the "
                         "stream before Window 'counts', or pass that WatermarkStrategy to from_source(...)")


if __name__ == "__main__":
    unittest.main()
