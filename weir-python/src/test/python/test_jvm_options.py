"""Flink's env.java.opts.all: the options of the JVM that runs the job."""
import unittest

from weir.common import Configuration
from weir.datastream import StreamExecutionEnvironment
from weir.errors import JobExecutionError


def env_with_java_options(options):
    config = Configuration()
    config.set_string("env.java.opts.all", options)
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(1)
    return env


class JvmOptionsTest(unittest.TestCase):
    def test_the_options_go_to_the_jvm_that_runs_the_job(self):
        env = env_with_java_options("-Xmn8m -XX:+UseSerialGC")
        self.assertEqual(sorted(env.from_collection([3, 1, 2]).map(lambda x: x * 10).execute_and_collect()),
                         [10, 20, 30])

    def test_an_option_the_jvm_refuses_ends_the_jvm_before_the_job_runs(self):
        env = env_with_java_options("-XX:+NoSuchWeirOption")
        with self.assertRaises(JobExecutionError) as failed:
            env.from_collection([1]).map(lambda x: x).execute_and_collect()
        self.assertEqual(str(failed.exception),
                         "Weir's JVM ended (exit code 1) before the job finished; its error output is above")


if __name__ == "__main__":
    unittest.main()
