package dev.weir.sqlcompat;

import org.apache.flink.table.functions.ScalarFunction;

/** Nexmark q14's {@code count_char} for Flink's side of the differential; Weir's is {@code CountChar} in weir-sql. */
public class FlinkCountChar extends ScalarFunction {
    public long eval(String s, String c) {
        return new dev.weir.sql.connector.nexmark.CountChar().eval(s, c);
    }
}
