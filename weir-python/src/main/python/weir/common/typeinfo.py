"""PyFlink's ``Types``: accepted wherever PyFlink takes an ``output_type``; Weir's records are plain Python values."""


class TypeInformation:
    """A record type, as PyFlink's ``TypeInformation``; Weir keeps its name for operator descriptions."""

    def __init__(self, name, *params):
        self._name = name
        self._params = params

    def __eq__(self, other):
        return isinstance(other, TypeInformation) and (self._name, self._params) == (other._name, other._params)

    def __hash__(self):
        return hash((self._name, self._params))

    def __repr__(self):
        if not self._params:
            return self._name
        return "%s(%s)" % (self._name, ", ".join(repr(p) for p in self._params))


class Types:
    """The type factories of PyFlink's ``pyflink.common.typeinfo.Types``."""

    @staticmethod
    def STRING():
        return TypeInformation("STRING")

    @staticmethod
    def BYTE():
        return TypeInformation("BYTE")

    @staticmethod
    def BOOLEAN():
        return TypeInformation("BOOLEAN")

    @staticmethod
    def SHORT():
        return TypeInformation("SHORT")

    @staticmethod
    def INT():
        return TypeInformation("INT")

    @staticmethod
    def LONG():
        return TypeInformation("LONG")

    @staticmethod
    def FLOAT():
        return TypeInformation("FLOAT")

    @staticmethod
    def DOUBLE():
        return TypeInformation("DOUBLE")

    @staticmethod
    def CHAR():
        return TypeInformation("CHAR")

    @staticmethod
    def BIG_INT():
        return TypeInformation("BIG_INT")

    @staticmethod
    def BIG_DEC():
        return TypeInformation("BIG_DEC")

    @staticmethod
    def INSTANT():
        return TypeInformation("INSTANT")

    @staticmethod
    def LOCAL_DATE():
        return TypeInformation("LOCAL_DATE")

    @staticmethod
    def LOCAL_TIME():
        return TypeInformation("LOCAL_TIME")

    @staticmethod
    def LOCAL_DATE_TIME():
        return TypeInformation("LOCAL_DATE_TIME")

    @staticmethod
    def SQL_DATE():
        return TypeInformation("SQL_DATE")

    @staticmethod
    def SQL_TIME():
        return TypeInformation("SQL_TIME")

    @staticmethod
    def SQL_TIMESTAMP():
        return TypeInformation("SQL_TIMESTAMP")

    @staticmethod
    def PICKLED_BYTE_ARRAY():
        return TypeInformation("PICKLED_BYTE_ARRAY")

    @staticmethod
    def PRIMITIVE_ARRAY(element_type):
        return TypeInformation("PRIMITIVE_ARRAY", element_type)

    @staticmethod
    def BASIC_ARRAY(element_type):
        return TypeInformation("BASIC_ARRAY", element_type)

    @staticmethod
    def OBJECT_ARRAY(element_type):
        return TypeInformation("OBJECT_ARRAY", element_type)

    @staticmethod
    def TUPLE(field_types):
        return TypeInformation("TUPLE", tuple(field_types))

    @staticmethod
    def ROW(field_types):
        return TypeInformation("ROW", tuple(field_types))

    @staticmethod
    def ROW_NAMED(field_names, field_types):
        return TypeInformation("ROW_NAMED", tuple(field_names), tuple(field_types))

    @staticmethod
    def LIST(element_type):
        return TypeInformation("LIST", element_type)

    @staticmethod
    def MAP(key_type, value_type):
        return TypeInformation("MAP", key_type, value_type)
