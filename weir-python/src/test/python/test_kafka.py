"""Kafka with PyFlink's names: KafkaSink writes str records, KafkaSource reads them back, against a real (embedded)
broker started from this build's classes."""
import subprocess
import unittest

from weir._internal import jvm
from weir.common import Duration, Row, Types, WatermarkStrategy
from weir.common.serialization import SimpleStringSchema
from weir.datastream import StreamExecutionEnvironment
from weir.datastream.connectors import DeliveryGuarantee
from weir.datastream.connectors.kafka import (KafkaOffsetResetStrategy, KafkaOffsetsInitializer,
                                              KafkaRecordSerializationSchema, KafkaSink, KafkaSource,
                                              KafkaTopicPartition)
from weir.datastream.formats.json import JsonRowDeserializationSchema, JsonRowSerializationSchema
from weir.errors import JobExecutionError


def env_with(parallelism):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


class KafkaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        java = jvm.command("unused")[0]
        cls.broker = subprocess.Popen([java, "-cp", jvm.classpath(), "dev.weir.python.KafkaBrokerForTests"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        cls.bootstrap_servers = cls.broker.stdout.readline().strip()
        if not cls.bootstrap_servers:
            cls.broker.wait(60)
            raise RuntimeError("the embedded Kafka broker did not start (exit code %s)" % cls.broker.returncode)

    @classmethod
    def tearDownClass(cls):
        cls.broker.stdin.close()
        try:
            cls.broker.wait(60)  # only against a hang
        except subprocess.TimeoutExpired:
            cls.broker.kill()
            cls.broker.wait()

    def sink(self, topic):
        return KafkaSink.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_record_serializer(KafkaRecordSerializationSchema.builder().set_topic(topic)
                                   .set_value_serialization_schema(SimpleStringSchema()).build()) \
            .set_delivery_guarantee(DeliveryGuarantee.AT_LEAST_ONCE) \
            .build()

    def test_records_written_by_a_kafka_sink_are_read_back_by_a_bounded_kafka_source(self):
        env = env_with(2)
        env.from_collection(["to", "be", "or", "not"]).map(str.upper).sink_to(self.sink("words")).name("to kafka")
        env.execute()

        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_topics("words") \
            .set_group_id("python-test") \
            .set_starting_offsets(KafkaOffsetsInitializer.earliest()) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(SimpleStringSchema()) \
            .build()
        read = env_with(2).from_source(source, WatermarkStrategy.no_watermarks(), "from kafka") \
            .map(lambda word: word + "!").execute_and_collect()
        self.assertEqual(sorted(read), ["BE!", "NOT!", "OR!", "TO!"])

    def test_rows_written_as_json_are_read_back_as_rows_with_event_time_from_a_field(self):
        order = Types.ROW_NAMED(["id", "item", "ts"], [Types.LONG(), Types.STRING(), Types.LONG()])
        sink = KafkaSink.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_record_serializer(KafkaRecordSerializationSchema.builder().set_topic("orders")
                                   .set_value_serialization_schema(
                                       JsonRowSerializationSchema.builder().with_type_info(order).build()).build()) \
            .build()
        env = env_with(1)
        env.from_collection([(1, "tea", 1000), (2, "cake", 2000)]).map(lambda t: Row(id=t[0], item=t[1], ts=t[2])) \
            .sink_to(sink).name("orders to kafka")
        env.execute()

        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_topics("orders") \
            .set_starting_offsets(KafkaOffsetsInitializer.earliest()) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(JsonRowDeserializationSchema.builder().type_info(order).build()) \
            .build()
        strategy = WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_seconds(1)) \
            .with_timestamp_assigner(lambda row, previous: row["ts"])
        read = env_with(1).from_source(source, strategy, "orders") \
            .map(lambda row: (row.id, row.item, row["ts"])).execute_and_collect()
        self.assertEqual(sorted(read), [(1, "tea", 1000), (2, "cake", 2000)])

    def test_a_topic_pattern_with_committed_offsets_falling_back_to_earliest_reads_every_matching_topic(self):
        env = env_with(1)
        env.from_collection(["x1", "x2"]).sink_to(self.sink("pattern-x")).name("to x")
        env.from_collection(["y1"]).sink_to(self.sink("pattern-y")).name("to y")
        env.execute()
        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_topic_pattern("pattern-.*") \
            .set_group_id("pattern-group") \
            .set_starting_offsets(KafkaOffsetsInitializer.committed_offsets(KafkaOffsetResetStrategy.EARLIEST)) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(SimpleStringSchema()) \
            .build()
        read = env_with(1).from_source(source, WatermarkStrategy.no_watermarks(), "by pattern").execute_and_collect()
        self.assertEqual(sorted(read), ["x1", "x2", "y1"])

    def keys_and_values(self, topic, count):
        """The topic's first ``count`` records as (key, value) pairs, read by the broker's JVM (a KafkaSource reads
        values only)."""
        self.broker.stdin.write("read %s %d\n" % (topic, count))
        self.broker.stdin.flush()
        pairs = []
        for line in iter(self.broker.stdout.readline, ""):
            if line == ".\n":
                break
            pairs.append(tuple(line.rstrip("\n").split("\t")))
        return sorted(pairs)

    def test_a_key_serialization_schema_writes_each_record_s_key_from_the_same_record_as_flink_does(self):
        keyed = KafkaSink.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_record_serializer(KafkaRecordSerializationSchema.builder().set_topic("keyed")
                                   .set_key_serialization_schema(SimpleStringSchema())
                                   .set_value_serialization_schema(SimpleStringSchema()).build()) \
            .build()
        env = env_with(2)
        env.from_collection(["to", "be"]).map(str.upper).sink_to(keyed).name("keyed to kafka")
        env.execute()
        self.assertEqual(self.keys_and_values("keyed", 2), [("BE", "BE"), ("TO", "TO")])

    def test_rows_get_json_keys_beside_their_json_values(self):
        point = Types.ROW_NAMED(["x"], [Types.LONG()])
        json = JsonRowSerializationSchema.builder().with_type_info(point).build()
        keyed = KafkaSink.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_record_serializer(KafkaRecordSerializationSchema.builder().set_topic("keyed-rows")
                                   .set_key_serialization_schema(json).set_value_serialization_schema(json).build()) \
            .build()
        env = env_with(1)
        env.from_collection([1]).map(lambda x: Row(x=x)).sink_to(keyed)
        env.execute()
        self.assertEqual(self.keys_and_values("keyed-rows", 1), [('{"x":1}', '{"x":1}')])

    def test_an_unbounded_source_with_stopping_offsets_reads_up_to_them(self):
        env = env_with(1)
        env.from_collection(["u1", "u2"]).sink_to(self.sink("until")).name("to until")
        env.execute()
        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_topics("until") \
            .set_starting_offsets(KafkaOffsetsInitializer.earliest()) \
            .set_unbounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(SimpleStringSchema()) \
            .build()
        read = env_with(1).from_source(source, WatermarkStrategy.no_watermarks(), "until").execute_and_collect()
        self.assertEqual(sorted(read), ["u1", "u2"])

    def test_a_record_that_is_not_a_str_fails_the_job_naming_the_record_and_the_fix(self):
        env = env_with(1)
        env.from_collection([("a", 1)]).sink_to(self.sink("tuples")).name("tuples to kafka")
        with self.assertRaises(JobExecutionError) as failed:
            env.execute()
        self.assertIn("The KafkaSink tuples to kafka writes str values with SimpleStringSchema, but got (a,1); map the "
                      "records to str first (e.g. .map(str) or a format of your own)", str(failed.exception))

    def test_the_builders_refuse_what_weir_cannot_read_or_write(self):
        with self.assertRaises(ValueError) as refused:
            KafkaSource.builder().set_bootstrap_servers("localhost:1").set_topics("t").build()
        self.assertEqual(str(refused.exception),
                         "KafkaSource.builder() needs set_value_only_deserializer(SimpleStringSchema())")
        with self.assertRaises(TypeError):
            KafkaOffsetsInitializer.committed_offsets("earliest")
        with self.assertRaises(TypeError) as refused:
            KafkaSource.builder().set_starting_offsets("earliest")
        self.assertEqual(str(refused.exception), "set_starting_offsets needs a KafkaOffsetsInitializer "
                         "(e.g. KafkaOffsetsInitializer.earliest()), not 'earliest'")
        with self.assertRaises(TypeError) as partitions:
            KafkaSource.builder().set_partitions({("t", 0)})
        self.assertEqual(str(partitions.exception),
                         "set_partitions(...) needs KafkaTopicPartition(topic, partition)s, not ('t', 0)")

    def test_a_source_subscribes_once_and_a_schema_has_one_topic_or_one_selector_as_in_flink(self):
        with self.assertRaises(ValueError) as twice:
            KafkaSource.builder().set_topics("t").set_partitions({KafkaTopicPartition("t", 0)})
        self.assertEqual(str(twice.exception), "Cannot use partitions for consumption because a topic list "
                                               "(set_topics) is already set for consumption.")
        with self.assertRaises(ValueError) as twice:
            KafkaSource.builder().set_partitions({KafkaTopicPartition("t", 0)}).set_topic_pattern("t.*")
        self.assertEqual(str(twice.exception), "Cannot use topic pattern for consumption because a partition set "
                                               "(set_partitions) is already set for consumption.")
        with self.assertRaises(ValueError) as both:
            KafkaRecordSerializationSchema.builder().set_topic("t").set_topic_selector(lambda record: "u")
        self.assertEqual(str(both.exception), "Topic selector already set.")

    def command(self, line):
        self.broker.stdin.write(line + "\n")
        self.broker.stdin.flush()
        self.assertEqual(self.broker.stdout.readline(), ".\n")

    def test_set_partitions_reads_exactly_the_given_partitions(self):
        self.command("create parts 3")
        for partition in range(3):
            self.command("write parts %d p%d-a p%d-b" % (partition, partition, partition))
        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_partitions({KafkaTopicPartition("parts", 0), KafkaTopicPartition("parts", 2)}) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(SimpleStringSchema()) \
            .build()
        read = env_with(2).from_source(source, WatermarkStrategy.no_watermarks(), "two partitions").execute_and_collect()
        self.assertEqual(sorted(read), ["p0-a", "p0-b", "p2-a", "p2-b"])

    def test_a_topic_selector_writes_each_record_to_the_topic_it_chooses(self):
        selected = KafkaSink.builder() \
            .set_bootstrap_servers(self.bootstrap_servers) \
            .set_record_serializer(KafkaRecordSerializationSchema.builder()
                                   .set_topic_selector(lambda word: "long-words" if len(word) > 2 else "short-words")
                                   .set_key_serialization_schema(SimpleStringSchema())
                                   .set_value_serialization_schema(SimpleStringSchema()).build()) \
            .set_delivery_guarantee(DeliveryGuarantee.EXACTLY_ONCE) \
            .set_transactional_id_prefix("selected") \
            .build()
        env = env_with(2)
        env.enable_checkpointing(100)
        env.from_collection(["to", "be", "not", "or", "that"]).sink_to(selected).name("by length")
        env.execute()
        self.assertEqual(self.keys_and_values("long-words", 2), [("not", "not"), ("that", "that")])
        self.assertEqual(self.keys_and_values("short-words", 3), [("be", "be"), ("or", "or"), ("to", "to")])


if __name__ == "__main__":
    unittest.main()
