"""File connectors with PyFlink's names: FileSource reads lines in the JVM, FileSink writes committed part files."""
import glob
import os
import tempfile
import time
import unittest

from weir.common import WatermarkStrategy
from weir.common.serialization import Encoder
from weir.datastream import StreamExecutionEnvironment
from weir.datastream.connectors import (BucketAssigner, FileSink, FileSource, OutputFileConfig, RollingPolicy,
                                       StreamFormat)


def env_with(parallelism):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


def committed_lines(base, pattern):
    """The lines of the part files under ``base`` (Flink's hour buckets), in-progress (hidden) files left out."""
    lines = []
    for path in glob.glob(os.path.join(base, "**", pattern), recursive=True):
        with open(path, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return sorted(lines)


class FileConnectorsTest(unittest.TestCase):
    def test_bucket_assigners_put_part_files_under_the_base_path_or_a_folder_per_formatted_time(self):
        flat = tempfile.mkdtemp(prefix="weir-python-out-")
        by_year = tempfile.mkdtemp(prefix="weir-python-out-")
        year_before = time.strftime("%Y", time.gmtime())
        env = env_with(1)
        words = env.from_collection(["to", "be"])
        words.sink_to(FileSink.for_row_format(flat, Encoder.simple_string_encoder())
                      .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()).build())
        words.sink_to(FileSink.for_row_format(by_year, Encoder.simple_string_encoder())
                      .with_bucket_assigner(BucketAssigner.date_time_bucket_assigner("yyyy", "UTC")).build())
        env.execute()
        year_after = time.strftime("%Y", time.gmtime())
        self.assertEqual([os.path.isfile(os.path.join(flat, name)) for name in os.listdir(flat)], [True])
        self.assertIn(os.listdir(by_year), ([year_before], [year_after]))
        self.assertEqual((committed_lines(flat, "part-*"), committed_lines(by_year, "part-*")),
                         (["be", "to"], ["be", "to"]))
        with self.assertRaises(TypeError):
            FileSink.for_row_format(flat, Encoder.simple_string_encoder()).with_bucket_assigner("yyyy")

    def test_a_file_source_reads_every_line_of_the_files_under_a_directory_and_of_a_single_file(self):
        directory = tempfile.mkdtemp(prefix="weir-python-in-")
        with open(os.path.join(directory, "a.txt"), "w", encoding="utf-8") as f:
            f.write("to be\nor not\n")
        single = os.path.join(tempfile.mkdtemp(prefix="weir-python-in-"), "b.txt")
        with open(single, "w", encoding="utf-8") as f:
            f.write("to be\nthat is\n")
        source = FileSource.for_record_stream_format(StreamFormat.text_line_format(), directory, single) \
            .process_static_file_set().build()
        lines = env_with(2).from_source(source, WatermarkStrategy.no_watermarks(), "lines") \
            .flat_map(str.split).execute_and_collect()
        self.assertEqual(sorted(lines), ["be", "be", "is", "not", "or", "that", "to", "to"])

    def test_a_file_sink_writes_each_record_as_a_line_into_committed_part_files_named_by_the_output_config(self):
        base = tempfile.mkdtemp(prefix="weir-python-out-")
        sink = FileSink.for_row_format(base, Encoder.simple_string_encoder()) \
            .with_output_file_config(OutputFileConfig.builder().with_part_prefix("words").with_part_suffix(".txt").build()) \
            .with_rolling_policy(RollingPolicy.default_rolling_policy(part_size=1 << 20)) \
            .build()
        env = env_with(2)
        env.from_collection(["to", "be", "or"]).map(lambda w: (w.upper(), len(w))).sink_to(sink).name("words").uid("out")
        env.execute()
        self.assertEqual(committed_lines(base, "words*.txt"), ["(BE,2)", "(OR,2)", "(TO,2)"])
        self.assertEqual(glob.glob(os.path.join(base, "**", ".*inprogress*"), recursive=True), [])

    def test_from_source_and_sink_to_name_what_they_accept(self):
        env = env_with(1)
        with self.assertRaises(NotImplementedError) as refused:
            env.from_source(object(), WatermarkStrategy.no_watermarks(), "s")
        self.assertEqual(str(refused.exception), "from_source(...) in Weir's Python API reads a NumberSequenceSource, a "
                         "FileSource or a KafkaSource, not a object: use one of them or from_collection(...)")
        with self.assertRaises(NotImplementedError) as refused:
            env.from_collection([1]).sink_to("out")
        self.assertEqual(str(refused.exception), "sink_to(...) in Weir's Python API writes to a FileSink or a KafkaSink, "
                         "not 'out'")


if __name__ == "__main__":
    unittest.main()
