"""Weir's machinery behind the public API: the plan, the value codec, the JVM launcher and the Python workers."""
