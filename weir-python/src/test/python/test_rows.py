"""PyFlink's Row: positional and named fields, row classes, RowKind; rows cross to the JVM as Weir's Row and back."""
import pickle
import unittest

from weir.common import Row, RowKind
from streams_for_tests import env_with


class RowTest(unittest.TestCase):
    def test_a_row_reads_its_fields_by_position_name_and_attribute(self):
        row = Row(name="Ada", age=36)
        self.assertEqual((row[0], row["age"], row.name, len(row), list(row)), ("Ada", 36, "Ada", 2, ["Ada", 36]))
        self.assertEqual(row.as_dict(), {"name": "Ada", "age": 36})
        self.assertEqual(repr(row), "Row(name='Ada', age=36)")
        self.assertEqual(repr(Row(1, "a")), "<Row(1, 'a')>")
        Person = Row("name", "age")
        self.assertEqual(Person("Bob", 7), Row(name="Bob", age=7))
        self.assertEqual(pickle.loads(pickle.dumps(row)), row)
        with self.assertRaises(AttributeError) as missing:
            row.city
        self.assertEqual(str(missing.exception), "the row Row(name='Ada', age=36) has no field named 'city'")
        with self.assertRaises(TypeError) as positional:
            Row(1, 2).as_dict()
        self.assertEqual(str(positional.exception), "as_dict() needs a row with named fields, such as Row(name='a', "
                                                    "count=1); this row's fields are positional: <Row(1, 2)>")

    def test_row_kind_is_insert_unless_set_and_has_flinks_short_strings(self):
        row = Row(1)
        self.assertIs(row.get_row_kind(), RowKind.INSERT)
        row.set_row_kind(RowKind.UPDATE_AFTER)
        self.assertEqual([k.short_string() for k in RowKind], ["+I", "-U", "+U", "-D"])
        self.assertNotEqual(row, Row(1))

    def test_rows_cross_to_the_jvm_and_back_with_their_names_and_kind(self):
        env = env_with(1)
        retraction = Row("a", 1)
        retraction.set_row_kind(RowKind.UPDATE_BEFORE)
        values = [Row(1, "a", None), Row(name="Ada", tags=["x"], inner=Row(k=1)), retraction, b"\x00\xff"]
        result = list(env.from_collection(values).map(lambda r: r).execute_and_collect())
        self.assertEqual(result, values)
        self.assertEqual(result[1].inner.k, 1)
        self.assertIs(result[2].get_row_kind(), RowKind.UPDATE_BEFORE)

    def test_sum_aggregates_a_row_field_by_name_or_position_in_the_jvm(self):
        env = env_with(2)
        rows = [Row(word="to", count=1), Row(word="be", count=1), Row(word="to", count=1)]
        result = (env.from_collection(rows).key_by(lambda r: r.word).sum("count").execute_and_collect())
        self.assertEqual(sorted(result, key=repr), [Row(word="be", count=1), Row(word="to", count=1),
                                                    Row(word="to", count=2)])
        env = env_with(1)
        result = env.from_collection([Row("x", 2), Row("x", 3)]).key_by(lambda r: r[0]).sum(1).execute_and_collect()
        self.assertEqual(list(result), [Row("x", 2), Row("x", 5)])

    def test_print_shows_flinks_form_of_a_row(self):
        import subprocess
        import sys
        program = ("from weir.common import Row\n"
                   "from weir.datastream import StreamExecutionEnvironment\n"
                   "env = StreamExecutionEnvironment.get_execution_environment()\n"
                   "env.set_parallelism(1)\n"
                   "env.from_collection([Row(1, 'a'), Row(name='b', n=2)]).map(lambda r: r).print()\n"
                   "env.execute()\n")
        output = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=600)
        self.assertEqual(output.returncode, 0, output.stderr)
        self.assertEqual(output.stdout, "+I[1, a]\n+I{name=b, n=2}\n")


if __name__ == "__main__":
    unittest.main()
