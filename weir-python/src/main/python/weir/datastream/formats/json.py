"""PyFlink's ``pyflink.datastream.formats.json``: Kafka values as JSON objects, read into ``Row``s with named fields
and written from them. Weir reads and writes the value as text in the JVM and converts it in a Python ``flat_map`` /
``map`` right after the source or right before the sink, so the timestamp assigner sees the rows, as in Flink."""
import json as _json

from weir.common.typeinfo import TypeInformation
from weir.common.types import Row

_INTEGERS = ("BYTE", "SHORT", "INT", "LONG", "BIG_INT")
_FLOATS = ("FLOAT", "DOUBLE", "BIG_DEC")
_LISTS = ("LIST", "BASIC_ARRAY", "OBJECT_ARRAY", "PRIMITIVE_ARRAY")


def _row_fields(type_info, call):
    """The (names, types) of a row type: Types.ROW_NAMED(names, types), or Types.ROW(types) named f0, f1, ..."""
    if isinstance(type_info, TypeInformation) and type_info._name == "ROW_NAMED":
        return list(type_info._params[0]), list(type_info._params[1])
    if isinstance(type_info, TypeInformation) and type_info._name == "ROW":
        types = list(type_info._params[0])
        return ["f%d" % i for i in range(len(types))], types
    raise TypeError("%s needs a row type, Types.ROW_NAMED([...names], [...types]) (or Types.ROW([...types])), not %r"
                    % (call, type_info))


class JsonRowDeserializationSchema:
    """Reads each value as a JSON object into a Row with the type's field names; a missing field is None (or fails
    with ``fail_on_missing_field()``), a value that is no JSON object fails the job (or is skipped with
    ``ignore_parse_errors()``), as Flink's."""

    def __init__(self, type_info, fail_on_missing_field, ignore_parse_errors):
        self._names, self._types = _row_fields(type_info, "JsonRowDeserializationSchema")
        self._fail_on_missing_field = fail_on_missing_field
        self._ignore_parse_errors = ignore_parse_errors

    @staticmethod
    def builder():
        return JsonRowDeserializationSchema.Builder()

    def _read(self, text):
        """The rows of one value: one, or none for a skipped parse error (a flat_map function)."""
        try:
            value = _json.loads(text)
            if not isinstance(value, dict):
                raise ValueError("the value is no JSON object")
            return [self._row(value, self._names, self._types)]
        except (ValueError, TypeError) as e:
            if self._ignore_parse_errors:
                return []
            raise ValueError("JsonRowDeserializationSchema cannot read %r: %s; fix the value, or skip such values "
                             "with JsonRowDeserializationSchema.builder()...ignore_parse_errors()" % (text, e)) from None

    def _row(self, value, names, types):
        fields = {}
        for name, type_info in zip(names, types):
            if name not in value and self._fail_on_missing_field:
                raise ValueError("the field '%s' is missing (fail_on_missing_field())" % name)
            fields[name] = self._convert(value.get(name), type_info)
        return Row(**fields)

    def _convert(self, value, type_info):
        if value is None or not isinstance(type_info, TypeInformation):
            return value
        kind = type_info._name
        if kind in ("ROW", "ROW_NAMED"):
            if not isinstance(value, dict):
                raise ValueError("%r is no JSON object for the row type %r" % (value, type_info))
            names, types = _row_fields(type_info, "JsonRowDeserializationSchema")
            return self._row(value, names, types)
        if kind in _LISTS:
            return [self._convert(v, type_info._params[0]) for v in value]
        if kind == "MAP":
            return {k: self._convert(v, type_info._params[1]) for k, v in value.items()}
        if kind in _INTEGERS:
            return int(value)
        if kind in _FLOATS:
            return float(value)
        if kind == "BOOLEAN":
            return value if isinstance(value, bool) else str(value).lower() == "true"
        if kind == "STRING":
            return value if isinstance(value, str) else _json.dumps(value, separators=(",", ":"))
        return value

    class Builder:
        def __init__(self):
            self._type_info = None
            self._fail_on_missing_field = False
            self._ignore_parse_errors = False

        def type_info(self, type_info):
            self._type_info = type_info
            return self

        def json_schema(self, json_schema):
            raise NotImplementedError("JsonRowDeserializationSchema.builder().json_schema(...) is not supported by "
                                      "Weir's Python API; give the row type with type_info(Types.ROW_NAMED(...))")

        def fail_on_missing_field(self):
            self._fail_on_missing_field = True
            return self

        def ignore_parse_errors(self):
            self._ignore_parse_errors = True
            return self

        def build(self):
            if self._type_info is None:
                raise ValueError("JsonRowDeserializationSchema.builder() needs type_info(Types.ROW_NAMED(...))")
            return JsonRowDeserializationSchema(self._type_info, self._fail_on_missing_field, self._ignore_parse_errors)


class JsonRowSerializationSchema:
    """Writes each Row as a compact JSON object with the type's field names (a row with named fields by name, a
    positional row in order), as Flink's."""

    def __init__(self, type_info):
        self._names, self._types = _row_fields(type_info, "JsonRowSerializationSchema")

    @staticmethod
    def builder():
        return JsonRowSerializationSchema.Builder()

    def _write(self, row):
        """The JSON text of one record (a map function)."""
        return _json.dumps(self._object(row, self._names, self._types), separators=(",", ":"), ensure_ascii=False)

    def _object(self, row, names, types):
        if isinstance(row, Row):
            named = row._fields is not None
            values = [row[name] if named else row[i] for i, name in enumerate(names)]
        elif isinstance(row, (tuple, list)) and len(row) == len(names):
            values = list(row)
        else:
            raise TypeError("JsonRowSerializationSchema writes Rows (or tuples) of the fields %s, not %r; map the "
                            "records to Row(...) first" % (names, row))
        return {name: self._value(value, type_info) for name, value, type_info in zip(names, values, types)}

    def _value(self, value, type_info):
        if value is None or not isinstance(type_info, TypeInformation):
            return value
        if type_info._name in ("ROW", "ROW_NAMED"):
            names, types = _row_fields(type_info, "JsonRowSerializationSchema")
            return self._object(value, names, types)
        if type_info._name in _LISTS:
            return [self._value(v, type_info._params[0]) for v in value]
        return value

    class Builder:
        def __init__(self):
            self._type_info = None

        def with_type_info(self, type_info):
            self._type_info = type_info
            return self

        def build(self):
            if self._type_info is None:
                raise ValueError("JsonRowSerializationSchema.builder() needs with_type_info(Types.ROW_NAMED(...))")
            return JsonRowSerializationSchema(self._type_info)


__all__ = ["JsonRowDeserializationSchema", "JsonRowSerializationSchema"]
