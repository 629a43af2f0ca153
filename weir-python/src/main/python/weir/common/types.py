"""PyFlink's ``Row`` and ``RowKind`` (``pyflink.common.types``): a record of positional or named fields that crosses
to the JVM as Weir's ``dev.weir.types.Row``."""
from enum import Enum


class RowKind(Enum):
    """What change a row describes, as PyFlink's ``RowKind``; ``short_string()`` is what Flink prints first."""
    INSERT = 0
    UPDATE_BEFORE = 1
    UPDATE_AFTER = 2
    DELETE = 3

    def short_string(self):
        return _SHORT_STRINGS[self.value]

    def __str__(self):
        return self.short_string()


_SHORT_STRINGS = ("+I", "-U", "+U", "-D")


class Row:
    """A row, as PyFlink's: ``Row(1, 'a')`` has positional fields, ``Row(name='a', count=1)`` named ones (in the order
    given); fields are read with ``row[0]``, ``row['name']`` or ``row.name``. ``Row('name', 'count')`` makes a row
    class: calling it with values gives a row with those names."""

    def __init__(self, *args, **kwargs):
        if args and kwargs:
            raise ValueError("Row(...) takes positional values or named values, not both: Row(1, 'a') or "
                             "Row(count=1, name='a')")
        if kwargs:
            object.__setattr__(self, "_fields", list(kwargs))
            object.__setattr__(self, "_values", list(kwargs.values()))
        else:
            object.__setattr__(self, "_fields", None)
            object.__setattr__(self, "_values", list(args))
        object.__setattr__(self, "_row_kind", RowKind.INSERT)

    def as_dict(self, recursive=False):
        """The named fields as a dict (rows inside converted too when ``recursive``)."""
        if self._fields is None:
            raise TypeError("as_dict() needs a row with named fields, such as Row(name='a', count=1); this row's "
                            "fields are positional: %r" % (self,))

        def convert(value):
            if isinstance(value, Row) and value._fields is not None:
                return value.as_dict(True)
            if isinstance(value, list):
                return [convert(v) for v in value]
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            return value

        if recursive:
            return {name: convert(value) for name, value in zip(self._fields, self._values)}
        return dict(zip(self._fields, self._values))

    def get_row_kind(self):
        return self._row_kind

    def set_row_kind(self, row_kind):
        if not isinstance(row_kind, RowKind):
            raise TypeError("set_row_kind(...) needs a RowKind, such as RowKind.UPDATE_AFTER, not %r" % (row_kind,))
        object.__setattr__(self, "_row_kind", row_kind)

    def set_field_names(self, field_names):
        if len(field_names) != len(self._values):
            raise ValueError("set_field_names(...) got %d names for a row of %d fields"
                             % (len(field_names), len(self._values)))
        object.__setattr__(self, "_fields", list(field_names))

    def __call__(self, *args):
        """A row of this row's field names (as a row class) and ``args`` as the values."""
        if self._fields is not None or not all(isinstance(name, str) for name in self._values):
            raise TypeError("only a row of field names, such as Row('name', 'count'), can make rows; %r cannot" % (self,))
        if len(args) != len(self._values):
            raise ValueError("%r needs %d values, but got %d: %r" % (self, len(self._values), len(args), args))
        row = Row(*args)
        row.set_field_names(self._values)
        return row

    def __getitem__(self, item):
        if isinstance(item, (int, slice)):
            return self._values[item]
        return self._values[self._index(item)]

    def __setitem__(self, key, value):
        if isinstance(key, (int, slice)):
            self._values[key] = value
        else:
            self._values[self._index(key)] = value

    def _index(self, name):
        if self._fields is None or name not in self._fields:
            raise KeyError("the row %r has no field named %r" % (self, name))
        return self._fields.index(name)

    def __getattr__(self, item):
        if item.startswith("__"):
            raise AttributeError(item)
        fields = object.__getattribute__(self, "_fields")
        if fields is None or item not in fields:
            raise AttributeError("the row %r has no field named %r" % (self, item))
        return self._values[fields.index(item)]

    def __setattr__(self, key, value):
        if self._fields is not None and key in self._fields:
            self._values[self._fields.index(key)] = value
            return
        raise AttributeError("a row has no attribute %r to set; set its fields with row[%r] = ..." % (key, key))

    def __eq__(self, other):
        return (isinstance(other, Row) and self._row_kind == other._row_kind and self._values == other._values
                and self._fields == other._fields)

    def __hash__(self):
        return hash((self._row_kind, tuple(self._values)))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __contains__(self, item):
        if self._fields is not None:
            return item in self._fields
        return item in self._values

    def __repr__(self):
        if self._fields is not None:
            return "Row(%s)" % ", ".join("%s=%r" % (name, value) for name, value in zip(self._fields, self._values))
        return "<Row(%s)>" % ", ".join(repr(value) for value in self._values)

    def __reduce__(self):
        # Forked workers never pickle rows, but users do (and so do pickled window accumulators).
        return _rebuild, (self._fields, self._values, self._row_kind.value)


def _rebuild(fields, values, kind):
    row = Row(*values)
    if fields is not None:
        row.set_field_names(fields)
    row.set_row_kind(RowKind(kind))
    return row
