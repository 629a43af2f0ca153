"""PyFlink's ``pyflink.datastream.connectors.kafka``: Weir's KafkaSource and KafkaSink (str values with
SimpleStringSchema), which run in the JVM."""
from enum import Enum

from weir.common.serialization import SimpleStringSchema
from weir.datastream.connectors.base import DeliveryGuarantee


class KafkaOffsetResetStrategy(Enum):
    """Where ``committed_offsets`` starts a partition that has no committed offset: ``EARLIEST``, ``LATEST`` or
    ``NONE`` (the job fails)."""
    LATEST = 0
    EARLIEST = 1
    NONE = 2


class KafkaOffsetsInitializer:
    """Where a KafkaSource starts (or, bounded, stops) reading each partition."""

    def __init__(self, plan):
        self._plan = plan

    @staticmethod
    def earliest():
        return KafkaOffsetsInitializer({"type": "earliest"})

    @staticmethod
    def latest():
        return KafkaOffsetsInitializer({"type": "latest"})

    @staticmethod
    def committed_offsets(offset_reset_strategy=None):
        """The group's committed offsets; a partition without one starts as ``offset_reset_strategy`` says."""
        if offset_reset_strategy is None:
            return KafkaOffsetsInitializer({"type": "committed"})
        if not isinstance(offset_reset_strategy, KafkaOffsetResetStrategy):
            raise TypeError("committed_offsets(...) needs a KafkaOffsetResetStrategy, not %r" % (offset_reset_strategy,))
        return KafkaOffsetsInitializer({"type": "committed", "reset": offset_reset_strategy.name})

    @staticmethod
    def timestamp(timestamp):
        return KafkaOffsetsInitializer({"type": "timestamp", "timestamp": int(timestamp)})


def _check_offsets(value, call):
    if not isinstance(value, KafkaOffsetsInitializer):
        raise TypeError("%s needs a KafkaOffsetsInitializer (e.g. KafkaOffsetsInitializer.earliest()), not %r"
                        % (call, value))
    return value._plan


class KafkaSource:
    """Reads the str values of Kafka topics; build it with ``KafkaSource.builder()``."""

    def __init__(self, plan):
        self._plan_settings = plan

    @staticmethod
    def builder():
        return KafkaSourceBuilder()

    def _plan(self):
        return dict(self._plan_settings, kind="kafka_source")

    def _read(self, stream):
        """``stream`` of the values as text, converted by the value's format where it is not SimpleStringSchema."""
        read = getattr(getattr(self, "_value_format", None), "_read", None)
        return stream if read is None else stream.flat_map(read).name("%s (JSON)" % stream.get_name())


class KafkaTopicPartition:
    """A partition of a Kafka topic, as PyFlink's: ``KafkaTopicPartition(topic, partition)``, for
    ``KafkaSourceBuilder.set_partitions``."""

    def __init__(self, topic, partition):
        if isinstance(partition, bool) or not isinstance(partition, int) or partition < 0:
            raise TypeError("KafkaTopicPartition needs a partition number of at least 0, not %r" % (partition,))
        self._topic = str(topic)
        self._partition = partition

    def __eq__(self, other):
        return isinstance(other, KafkaTopicPartition) and (self._topic, self._partition) == (other._topic, other._partition)

    def __hash__(self):
        return hash((self._topic, self._partition))

    def __repr__(self):
        return "KafkaTopicPartition(%r, %d)" % (self._topic, self._partition)


class KafkaSourceBuilder:
    def __init__(self):
        self._bootstrap_servers = None
        self._topics = []
        self._group_id = None
        self._starting = KafkaOffsetsInitializer.earliest()._plan
        self._bounded = None
        self._unbounded = None
        self._deserializer = None
        self._properties = {}
        self._topic_pattern = None
        self._partitions = None

    def set_bootstrap_servers(self, bootstrap_servers):
        self._bootstrap_servers = str(bootstrap_servers)
        return self

    def set_topics(self, *topics):
        self._subscribe_once("topics")
        self._topics = [str(t) for t in topics]
        return self

    def set_topic_pattern(self, topic_pattern):
        """Reads every topic whose name matches ``topic_pattern`` (a Java regular expression)."""
        self._subscribe_once("topic pattern")
        self._topic_pattern = str(topic_pattern)
        return self

    def set_partitions(self, partitions):
        """Reads exactly ``partitions`` (a set of KafkaTopicPartition) and no other partition of their topics, as
        Flink's; a given partition the brokers do not have yet is read once partition discovery finds it."""
        self._subscribe_once("partitions")
        partitions = list(partitions)
        for partition in partitions:
            if not isinstance(partition, KafkaTopicPartition):
                raise TypeError("set_partitions(...) needs KafkaTopicPartition(topic, partition)s, not %r" % (partition,))
        self._partitions = sorted([p._topic, p._partition] for p in set(partitions))
        return self

    def _subscribe_once(self, attempted):
        """A source subscribes one way, once (topics, a pattern or partitions): a second call fails, as in Flink."""
        existing = "topic list (set_topics)" if self._topics else "topic pattern (set_topic_pattern)" \
            if self._topic_pattern is not None else "partition set (set_partitions)" if self._partitions is not None \
            else None
        if existing is not None:
            raise ValueError("Cannot use %s for consumption because a %s is already set for consumption."
                             % (attempted, existing))

    def set_unbounded(self, stopping_offsets_initializer):
        """Reads without end but stops each partition at ``stopping_offsets_initializer``'s offsets, as Flink's (the
        source stays unbounded, e.g. for a streaming job's watermarks)."""
        self._unbounded = _check_offsets(stopping_offsets_initializer, "set_unbounded")
        self._bounded = None
        return self

    def set_group_id(self, group_id):
        self._group_id = str(group_id)
        return self

    def set_starting_offsets(self, starting_offsets_initializer):
        self._starting = _check_offsets(starting_offsets_initializer, "set_starting_offsets")
        return self

    def set_bounded(self, stopping_offsets_initializer):
        """Stops each partition at ``stopping_offsets_initializer``'s offsets; the source ends then, as Flink's."""
        self._bounded = _check_offsets(stopping_offsets_initializer, "set_bounded")
        self._unbounded = None
        return self

    def set_value_only_deserializer(self, deserialization_schema):
        """SimpleStringSchema() (str records) or JsonRowDeserializationSchema (Rows)."""
        from weir.datastream.formats.json import JsonRowDeserializationSchema
        if not isinstance(deserialization_schema, (SimpleStringSchema, JsonRowDeserializationSchema)):
            raise NotImplementedError("Weir's Python KafkaSource reads values with SimpleStringSchema() or "
                                      "JsonRowDeserializationSchema, not %r" % (deserialization_schema,))
        self._deserializer = deserialization_schema
        return self

    def set_property(self, key, value):
        self._properties[str(key)] = str(value)
        return self

    def set_properties(self, props):
        for key, value in props.items():
            self.set_property(key, value)
        return self

    def build(self):
        if not self._bootstrap_servers:
            raise ValueError("KafkaSource.builder() needs set_bootstrap_servers(...)")
        if not self._topics and self._topic_pattern is None and self._partitions is None:
            raise ValueError("KafkaSource.builder() needs set_topics(...), set_topic_pattern(...) or "
                             "set_partitions(...)")
        if self._deserializer is None:
            raise ValueError("KafkaSource.builder() needs set_value_only_deserializer(SimpleStringSchema())")
        source = KafkaSource({"bootstrap_servers": self._bootstrap_servers, "topics": self._topics,
                              "group_id": self._group_id, "starting_offsets": self._starting,
                              "bounded": self._bounded, "unbounded": self._unbounded,
                              "properties": dict(self._properties),
                              "topic_pattern": self._topic_pattern, "partitions": self._partitions})
        source._value_format = self._deserializer
        return source


class KafkaRecordSerializationSchema:
    """How a KafkaSink writes a record: its topic, its value's schema and, if set, its key's schema."""

    def __init__(self, topic, value_schema=None, key_schema=None, topic_selector=None):
        self._topic = topic
        self._value_schema = value_schema
        self._key_schema = key_schema
        #: The function choosing each record's topic (set_topic_selector), or None.
        self._topic_selector = topic_selector

    @staticmethod
    def builder():
        return KafkaRecordSerializationSchemaBuilder()


class KafkaRecordSerializationSchemaBuilder:
    def __init__(self):
        self._topic = None
        self._value_schema = None
        self._key_schema = None
        self._topic_selector = None

    def set_topic(self, topic):
        """Writes every record to ``topic``; a schema has one topic or one topic selector, as in Flink."""
        self._check_no_topic_yet()
        self._topic = str(topic)
        return self

    def _check_no_topic_yet(self):
        if self._topic is not None or self._topic_selector is not None:
            raise ValueError("Topic selector already set.")

    def set_value_serialization_schema(self, value_serialization_schema):
        """SimpleStringSchema() (str records) or JsonRowSerializationSchema (Rows)."""
        from weir.datastream.formats.json import JsonRowSerializationSchema
        if not isinstance(value_serialization_schema, (SimpleStringSchema, JsonRowSerializationSchema)):
            raise NotImplementedError("Weir's Python KafkaSink writes values with SimpleStringSchema() or "
                                      "JsonRowSerializationSchema, not %r" % (value_serialization_schema,))
        self._value_schema = value_serialization_schema
        return self

    def set_topic_selector(self, topic_selector):
        """Writes each record to the topic ``topic_selector`` (a function of the record returning a str) chooses, as
        Flink's; it runs in a Python worker, in bundles like ``map``, just before the sink."""
        if not callable(topic_selector):
            raise TypeError("set_topic_selector(...) needs a function of the record that returns its topic, not %r"
                            % (topic_selector,))
        self._check_no_topic_yet()
        self._topic_selector = topic_selector
        return self

    def set_key_serialization_schema(self, key_serialization_schema):
        """Writes each record's key too, as Flink does: ``key_serialization_schema`` (SimpleStringSchema() for str
        records, or JsonRowSerializationSchema for Rows) serializes the same record the value schema does."""
        from weir.datastream.formats.json import JsonRowSerializationSchema
        if not isinstance(key_serialization_schema, (SimpleStringSchema, JsonRowSerializationSchema)):
            raise NotImplementedError("Weir's Python KafkaSink writes keys with SimpleStringSchema() or "
                                      "JsonRowSerializationSchema, not %r" % (key_serialization_schema,))
        self._key_schema = key_serialization_schema
        return self

    def build(self):
        if (self._topic is None and self._topic_selector is None) or self._value_schema is None:
            raise ValueError("KafkaRecordSerializationSchema.builder() needs set_topic(...) (or set_topic_selector(...)) "
                             "and set_value_serialization_schema(SimpleStringSchema())")
        return KafkaRecordSerializationSchema(self._topic, self._value_schema, self._key_schema, self._topic_selector)


class KafkaSink:
    """Writes str records (or Rows, with JsonRowSerializationSchema) to a Kafka topic; build it with
    ``KafkaSink.builder()``."""

    def __init__(self, plan, value_schema=None, key_schema=None):
        self._plan = plan
        self._value_schema = value_schema
        self._key_schema = key_schema
        self._topic_selector = None

    @staticmethod
    def builder():
        return KafkaSinkBuilder()

    def _sink_plan(self):
        return self._plan

    def _written(self, stream):
        """``stream`` as the text values the sink writes: converted by the value's format where it has one; with a
        key schema, (key, value) pairs of texts, each converted by its schema."""
        write = getattr(self._value_schema, "_write", None)
        if self._topic_selector is not None:
            write_key = None if self._key_schema is None else _Written(getattr(self._key_schema, "_write", None))
            return stream.map(_TopicKeyAndValue(self._topic_selector, write_key, _Written(write))) \
                .name("%s (topic, key and value)" % stream.get_name())
        if self._key_schema is not None:
            return stream.map(_KeyAndValue(getattr(self._key_schema, "_write", None), write)) \
                .name("%s (key and value)" % stream.get_name())
        return stream if write is None else stream.map(write).name("%s (JSON)" % stream.get_name())


class _KeyAndValue:
    """A record as the (key, value) texts a keyed KafkaSink writes; a schema without a conversion (SimpleStringSchema)
    takes the record as it is, and the JVM checks it is a str."""

    def __init__(self, write_key, write_value):
        self._write_key = write_key
        self._write_value = write_value

    def __call__(self, record):
        return (record if self._write_key is None else self._write_key(record),
                record if self._write_value is None else self._write_value(record))


class _Written:
    """A record as a schema writes it: converted where the schema has a conversion (JSON rows), else as it is (a str
    for SimpleStringSchema, which the JVM checks)."""

    def __init__(self, write):
        self._write = write

    def __call__(self, record):
        return record if self._write is None else self._write(record)


class _TopicKeyAndValue:
    """A record as the (topic, key or None, value) a KafkaSink with a topic selector writes."""

    def __init__(self, topic_selector, write_key, write_value):
        self._topic_selector = topic_selector
        self._write_key = write_key
        self._write_value = write_value

    def __call__(self, record):
        topic = self._topic_selector(record)
        if not isinstance(topic, str):
            raise TypeError("the topic selector returned %r for the record %r; it must return the topic's name as a "
                            "str" % (topic, record))
        return topic, None if self._write_key is None else self._write_key(record), self._write_value(record)


class KafkaSinkBuilder:
    def __init__(self):
        self._plan = {"type": "kafka", "bootstrap_servers": None, "topic": None,
                      "delivery_guarantee": DeliveryGuarantee.NONE, "transactional_id_prefix": None, "properties": {}}

    def set_bootstrap_servers(self, bootstrap_servers):
        self._plan["bootstrap_servers"] = str(bootstrap_servers)
        return self

    def set_record_serializer(self, record_serializer):
        if not isinstance(record_serializer, KafkaRecordSerializationSchema):
            raise TypeError("set_record_serializer needs a KafkaRecordSerializationSchema, not %r" % (record_serializer,))
        self._plan["topic"] = record_serializer._topic
        self._plan["keyed"] = record_serializer._key_schema is not None
        self._plan["topic_selector"] = record_serializer._topic_selector is not None
        self._topic_selector = record_serializer._topic_selector
        self._value_schema = record_serializer._value_schema
        self._key_schema = record_serializer._key_schema
        return self

    def set_delivery_guarantee(self, delivery_guarantee):
        if delivery_guarantee not in (DeliveryGuarantee.EXACTLY_ONCE, DeliveryGuarantee.AT_LEAST_ONCE,
                                      DeliveryGuarantee.NONE):
            raise ValueError("set_delivery_guarantee needs a DeliveryGuarantee, not %r" % (delivery_guarantee,))
        self._plan["delivery_guarantee"] = delivery_guarantee
        return self

    def set_transactional_id_prefix(self, transactional_id_prefix):
        self._plan["transactional_id_prefix"] = str(transactional_id_prefix)
        return self

    def set_property(self, key, value):
        self._plan["properties"][str(key)] = str(value)
        return self

    def build(self):
        if not self._plan["bootstrap_servers"] or (self._plan["topic"] is None and not self._plan.get("topic_selector")):
            raise ValueError("KafkaSink.builder() needs set_bootstrap_servers(...) and set_record_serializer(...)")
        sink = KafkaSink(dict(self._plan, properties=dict(self._plan["properties"])),
                         getattr(self, "_value_schema", None), getattr(self, "_key_schema", None))
        sink._topic_selector = getattr(self, "_topic_selector", None)
        return sink
