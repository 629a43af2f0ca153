"""The timeline a worker prints with WEIR_PYTHON_TIMELINE set: each phase's total, count, mean and histogram."""
import io
import unittest

from weir._internal.timeline import Timeline


class TimelineTest(unittest.TestCase):
    def test_each_phase_reports_its_total_count_mean_and_power_of_two_histogram(self):
        timeline = Timeline("the worker of map (subtask 1 of 2)")
        timeline.add("read", 500)  # under 1 µs
        timeline.add("answer", 1_500_000)
        timeline.add("answer", 3_000_000)
        timeline.add("answer", 3_500_000)
        report = io.StringIO()
        timeline.report(report)
        lines = report.getvalue().splitlines()
        self.assertTrue(lines[0].startswith("timeline of the worker of map (subtask 1 of 2): "), lines[0])
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[1].startswith("  read        0.000 s ("), lines[1])
        self.assertTrue(lines[1].endswith(") in 1, 0 µs each; <1 µs: 1"), lines[1])
        self.assertTrue(lines[2].startswith("  answer      0.008 s ("), lines[2])
        self.assertTrue(lines[2].endswith(") in 3, 2667 µs each; <2 ms: 1, <4 ms: 2"), lines[2])


if __name__ == "__main__":
    unittest.main()
