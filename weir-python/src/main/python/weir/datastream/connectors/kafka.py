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

    def set_bootstrap_servers(self, bootstrap_servers):
        self._bootstrap_servers = str(bootstrap_servers)
        return self

    def set_topics(self, *topics):
        self._topics = [str(t) for t in topics]
        return self

    def set_topic_pattern(self, topic_pattern):
        """Reads every topic whose name matches ``topic_pattern`` (a Java regular expression)."""
        self._topic_pattern = str(topic_pattern)
        return self

    def set_partitions(self, partitions):
        """Refused: weir-kafka's KafkaSource subscribes to topics (or a pattern), not to chosen partitions."""
        raise NotImplementedError("set_partitions(...) is not supported by Weir's KafkaSource, which reads whole "
                                  "topics; use set_topics(...) or set_topic_pattern(...)")

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
        if not self._topics and self._topic_pattern is None:
            raise ValueError("KafkaSource.builder() needs set_topics(...) or set_topic_pattern(...)")
        if self._deserializer is None:
            raise ValueError("KafkaSource.builder() needs set_value_only_deserializer(SimpleStringSchema())")
        source = KafkaSource({"bootstrap_servers": self._bootstrap_servers, "topics": self._topics,
                              "group_id": self._group_id, "starting_offsets": self._starting,
                              "bounded": self._bounded, "unbounded": self._unbounded,
                              "properties": dict(self._properties),
                              "topic_pattern": self._topic_pattern})
        source._value_format = self._deserializer
        return source


class KafkaRecordSerializationSchema:
    """How a KafkaSink writes a record: its topic, its value's schema and, if set, its key's schema."""

    def __init__(self, topic, value_schema=None, key_schema=None):
        self._topic = topic
        self._value_schema = value_schema
        self._key_schema = key_schema

    @staticmethod
    def builder():
        return KafkaRecordSerializationSchemaBuilder()


class KafkaRecordSerializationSchemaBuilder:
    def __init__(self):
        self._topic = None
        self._value_schema = None
        self._key_schema = None

    def set_topic(self, topic):
        self._topic = str(topic)
        return self

    def set_value_serialization_schema(self, value_serialization_schema):
        """SimpleStringSchema() (str records) or JsonRowSerializationSchema (Rows)."""
        from weir.datastream.formats.json import JsonRowSerializationSchema
        if not isinstance(value_serialization_schema, (SimpleStringSchema, JsonRowSerializationSchema)):
            raise NotImplementedError("Weir's Python KafkaSink writes values with SimpleStringSchema() or "
                                      "JsonRowSerializationSchema, not %r" % (value_serialization_schema,))
        self._value_schema = value_serialization_schema
        return self

    def set_topic_selector(self, topic_selector):
        raise NotImplementedError("set_topic_selector(...) is not supported by Weir's Python API yet; use "
                                  "set_topic(...), one sink per topic")

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
        if self._topic is None or self._value_schema is None:
            raise ValueError("KafkaRecordSerializationSchema.builder() needs set_topic(...) and "
                             "set_value_serialization_schema(SimpleStringSchema())")
        return KafkaRecordSerializationSchema(self._topic, self._value_schema, self._key_schema)


class KafkaSink:
    """Writes str records (or Rows, with JsonRowSerializationSchema) to a Kafka topic; build it with
    ``KafkaSink.builder()``."""

    def __init__(self, plan, value_schema=None, key_schema=None):
        self._plan = plan
        self._value_schema = value_schema
        self._key_schema = key_schema

    @staticmethod
    def builder():
        return KafkaSinkBuilder()

    def _sink_plan(self):
        return self._plan

    def _written(self, stream):
        """``stream`` as the text values the sink writes: converted by the value's format where it has one; with a
        key schema, (key, value) pairs of texts, each converted by its schema."""
        write = getattr(self._value_schema, "_write", None)
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
        if not self._plan["bootstrap_servers"] or self._plan["topic"] is None:
            raise ValueError("KafkaSink.builder() needs set_bootstrap_servers(...) and set_record_serializer(...)")
        return KafkaSink(dict(self._plan, properties=dict(self._plan["properties"])),
                         getattr(self, "_value_schema", None), getattr(self, "_key_schema", None))
