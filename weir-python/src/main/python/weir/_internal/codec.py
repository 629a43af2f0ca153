"""Values between the JVM and Python: a tag byte, then the payload (the Java twin is dev.weir.python.ValueCodec)."""
import struct
import sys
from array import array

from weir.common.types import Row, RowKind

_LONG = struct.Struct(">q")
_DOUBLE = struct.Struct(">d")
_INT = struct.Struct(">i")
_MIN_LONG = -(1 << 63)
_MAX_LONG = (1 << 63) - 1
# Packed integer arrays ('A') are little-endian, the byte order of the machines Weir runs on, so neither side swaps.
SWAP = sys.byteorder != "little"
_INT_TYPE = {int}


def encode(value, out):
    """Appends ``value`` to the bytearray ``out``; raises TypeError naming a value that cannot cross."""
    if value is None:
        out += b"N"
    elif value is True:
        out += b"T"
    elif value is False:
        out += b"F"
    elif isinstance(value, int):
        if not _MIN_LONG <= value <= _MAX_LONG:
            raise TypeError("the integer %d does not fit in 64 bits, the widest integer Weir's JVM side holds; "
                            "pass it as a str" % value)
        out += b"I"
        out += _LONG.pack(value)
    elif isinstance(value, float):
        out += b"D"
        out += _DOUBLE.pack(value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        out += b"S"
        out += _INT.pack(len(data))
        out += data
    elif isinstance(value, tuple):
        out += b"U"
        out += _INT.pack(len(value))
        for item in value:
            encode(item, out)
    elif type(value) is list and value and set(map(type, value)) == _INT_TYPE and _encode_longs(value, out):
        pass
    elif isinstance(value, list):
        out += b"L"
        out += _INT.pack(len(value))
        for item in value:
            encode(item, out)
    elif isinstance(value, dict):
        out += b"M"
        out += _INT.pack(len(value))
        for key, item in value.items():
            encode(key, out)
            encode(item, out)
    elif isinstance(value, Row):
        _encode_row(value, out)
    elif isinstance(value, (bytes, bytearray)):
        out += b"B"
        out += _INT.pack(len(value))
        out += value
    else:
        raise TypeError("a %s (%r) cannot cross between Python and Weir's JVM: records must be built from None, "
                        "bool, int, float, str, bytes, tuple, list, dict and Row" % (type(value).__name__, value))
    return out


def _encode_row(row, out):
    """'W', the row kind's byte, the arity, 1 and the names for a row of named fields (else 0), then the values."""
    values = row._values
    out += b"W"
    out.append(row._row_kind.value)
    out += _INT.pack(len(values))
    if row._fields is None:
        out.append(0)
    else:
        out.append(1)
        for name in row._fields:
            data = name.encode("utf-8")
            out += _INT.pack(len(data))
            out += data
    for item in values:
        encode(item, out)


def _decode_row(data, offset):
    kind = RowKind(data[offset])
    size = _INT.unpack_from(data, offset + 1)[0]
    named = data[offset + 5]
    offset += 6
    names = None
    if named:
        names = []
        for _ in range(size):
            length = _INT.unpack_from(data, offset)[0]
            offset += 4
            names.append(bytes(data[offset:offset + length]).decode("utf-8"))
            offset += length
    values = []
    for _ in range(size):
        item, offset = decode(data, offset)
        values.append(item)
    row = Row(*values)
    if names is not None:
        row.set_field_names(names)
    if kind is not RowKind.INSERT:
        row.set_row_kind(kind)
    return row, offset


def _encode_longs(values, out):
    """A list of ints as one packed little-endian array ('A'); False when one does not fit in 64 bits (encode then
    names it)."""
    try:
        packed = array("q", values)
    except OverflowError:
        return False
    if SWAP:
        packed.byteswap()
    out += b"A"
    out += _INT.pack(len(values))
    out += packed  # the array's buffer, appended without an intermediate bytes copy
    return True


def decode(data, offset=0):
    """Reads one value from ``data`` at ``offset``; returns ``(value, next offset)``."""
    tag = data[offset]
    offset += 1
    if tag == 0x4E:  # N
        return None, offset
    if tag == 0x54:  # T
        return True, offset
    if tag == 0x46:  # F
        return False, offset
    if tag == 0x49:  # I
        return _LONG.unpack_from(data, offset)[0], offset + 8
    if tag == 0x44:  # D
        return _DOUBLE.unpack_from(data, offset)[0], offset + 8
    if tag == 0x53:  # S
        size = _INT.unpack_from(data, offset)[0]
        offset += 4
        return bytes(data[offset:offset + size]).decode("utf-8"), offset + size
    if tag in (0x55, 0x4C):  # U, L
        size = _INT.unpack_from(data, offset)[0]
        offset += 4
        items = []
        for _ in range(size):
            item, offset = decode(data, offset)
            items.append(item)
        return (tuple(items) if tag == 0x55 else items), offset
    if tag == 0x41:  # A
        size = _INT.unpack_from(data, offset)[0]
        offset += 4
        end = offset + 8 * size
        if not SWAP:
            return memoryview(data)[offset:end].cast("q").tolist(), end
        packed = array("q")
        packed.frombytes(data[offset:end])
        packed.byteswap()
        return packed.tolist(), end
    if tag == 0x4D:  # M
        size = _INT.unpack_from(data, offset)[0]
        offset += 4
        result = {}
        for _ in range(size):
            key, offset = decode(data, offset)
            result[key], offset = decode(data, offset)
        return result, offset
    if tag == 0x57:  # W
        return _decode_row(data, offset)
    if tag == 0x42:  # B
        size = _INT.unpack_from(data, offset)[0]
        offset += 4
        return bytes(data[offset:offset + size]), offset + size
    raise ValueError("unknown value tag %r from the JVM: the weir package and the weir-python jar differ in version"
                     % chr(tag))


def encode_all(values):
    """The values one after another, as the plan carries from_collection's elements."""
    out = bytearray()
    for value in values:
        encode(value, out)
    return bytes(out)
