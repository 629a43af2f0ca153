package dev.weir.bench.flink;

import org.apache.flink.table.functions.ScalarFunction;

/** Nexmark q14's {@code count_char} on Flink's side, delegating to Weir's {@code CountChar} so both count alike. */
public class FlinkCountChar extends ScalarFunction {
    private final dev.weir.sql.connector.nexmark.CountChar weir = new dev.weir.sql.connector.nexmark.CountChar();

    public long eval(String s, String c) {
        return weir.eval(s, c);
    }
}
