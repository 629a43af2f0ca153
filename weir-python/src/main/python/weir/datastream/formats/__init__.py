"""PyFlink's ``pyflink.datastream.formats``: how connectors turn bytes into records and back."""
