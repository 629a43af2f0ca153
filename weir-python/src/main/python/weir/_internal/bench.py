"""Weir's own benchmarks: a sink that drops the records in the JVM, so a benchmark measures its operators only (not
part of PyFlink's API)."""


def discard(stream):
    """Ends ``stream`` in a sink that drops every record in the JVM."""
    stream._add("discard")
