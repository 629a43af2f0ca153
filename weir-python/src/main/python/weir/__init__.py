"""Weir's Python API: PyFlink's DataStream API on the Weir engine (``pyflink.`` becomes ``weir.``).

Python functions run in this CPython process's forked workers; sources, keying, windows, built-in aggregations and
sinks run in a JVM started by ``execute()``.
"""
