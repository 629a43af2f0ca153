"""PyFlink's JSON row formats: what JsonRowDeserializationSchema reads from a value and JsonRowSerializationSchema
writes (the Kafka round trip is in test_kafka)."""
import unittest

from weir.common import Row, Types
from weir.datastream.formats.json import JsonRowDeserializationSchema, JsonRowSerializationSchema

ORDER = Types.ROW_NAMED(["id", "item", "price", "tags", "address"],
                        [Types.LONG(), Types.STRING(), Types.DOUBLE(), Types.LIST(Types.STRING()),
                         Types.ROW_NAMED(["city"], [Types.STRING()])])


class JsonFormatTest(unittest.TestCase):
    def test_a_json_object_becomes_a_row_with_the_types_field_names_and_types(self):
        schema = JsonRowDeserializationSchema.builder().type_info(ORDER).build()
        rows = schema._read('{"price": 3, "id": 7, "item": "tea", "tags": ["hot"], "address": {"city": "Oslo"}, '
                            '"extra": 1}')
        self.assertEqual(rows, [Row(id=7, item="tea", price=3.0, tags=["hot"], address=Row(city="Oslo"))])
        self.assertIsInstance(rows[0]["price"], float)

    def test_a_missing_field_is_none_unless_fail_on_missing_field(self):
        lenient = JsonRowDeserializationSchema.builder().type_info(ORDER).build()
        self.assertEqual(lenient._read('{"id": 1}'), [Row(id=1, item=None, price=None, tags=None, address=None)])
        strict = JsonRowDeserializationSchema.builder().type_info(ORDER).fail_on_missing_field().build()
        with self.assertRaises(ValueError) as missing:
            strict._read('{"id": 1}')
        self.assertIn("the field 'item' is missing", str(missing.exception))

    def test_a_value_that_is_no_json_object_fails_unless_parse_errors_are_ignored(self):
        strict = JsonRowDeserializationSchema.builder().type_info(ORDER).build()
        with self.assertRaises(ValueError) as refused:
            strict._read("not json")
        self.assertIn("cannot read 'not json'", str(refused.exception))
        self.assertIn("ignore_parse_errors()", str(refused.exception))
        lenient = JsonRowDeserializationSchema.builder().type_info(ORDER).ignore_parse_errors().build()
        self.assertEqual(lenient._read("[1, 2]"), [])

    def test_a_row_is_written_as_compact_json_with_the_types_field_names(self):
        schema = JsonRowSerializationSchema.builder().with_type_info(ORDER).build()
        named = Row(id=7, item="thé", price=2.5, tags=["a"], address=Row(city="Oslo"))
        self.assertEqual(schema._write(named),
                         '{"id":7,"item":"thé","price":2.5,"tags":["a"],"address":{"city":"Oslo"}}')
        self.assertEqual(schema._write(Row(1, "x", None, [], Row("Rome"))),
                         '{"id":1,"item":"x","price":null,"tags":[],"address":{"city":"Rome"}}')
        with self.assertRaises(TypeError):
            schema._write("text")

    def test_the_schemas_need_a_row_type(self):
        with self.assertRaises(TypeError):
            JsonRowSerializationSchema.builder().with_type_info(Types.STRING()).build()
        with self.assertRaises(ValueError):
            JsonRowDeserializationSchema.builder().build()
        with self.assertRaises(NotImplementedError):
            JsonRowDeserializationSchema.builder().json_schema("{}")

    def test_pyflink_1_x_imports_them_from_common_serialization(self):
        from weir.common.serialization import JsonRowDeserializationSchema as Old
        self.assertIs(Old, JsonRowDeserializationSchema)


if __name__ == "__main__":
    unittest.main()
