package dev.weir.sql.runtime.join;

import dev.weir.types.Row;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The rows of one side of an interval join buffered under one event time, each with whether it has joined yet. */
public final class TimedRows implements Serializable {
    private static final long serialVersionUID = 1L;

    public final List<Row> rows = new ArrayList<>();
    public final List<Boolean> matched = new ArrayList<>();
}
