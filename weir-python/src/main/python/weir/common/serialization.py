"""PyFlink's ``pyflink.common.serialization``: how a sink turns records into bytes."""


class Encoder:
    """Writes each record as a line of text (``str`` of Weir's record: a tuple prints as ``(a,1)``)."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def simple_string_encoder(charset_name="UTF-8"):
        if str(charset_name).upper().replace("_", "-") not in ("UTF-8", "UTF8"):
            raise ValueError("Weir's Python API writes text as UTF-8 only, not %s" % charset_name)
        return Encoder("UTF-8")


class SimpleStringSchema:
    """Kafka record values as UTF-8 text: a KafkaSource gives str records, a KafkaSink writes str records."""

    def __init__(self, charset="UTF-8"):
        if str(charset).upper().replace("_", "-") not in ("UTF-8", "UTF8"):
            raise ValueError("Weir's Python API reads and writes text as UTF-8 only, not %s" % charset)


def __getattr__(name):
    """PyFlink 1.x's place of the JSON row schemas (now ``weir.datastream.formats.json``)."""
    if name in ("JsonRowSerializationSchema", "JsonRowDeserializationSchema"):
        from weir.datastream.formats import json
        return getattr(json, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))
