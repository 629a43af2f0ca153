package dev.weir.sql.connector.nexmark;

import dev.weir.table.functions.ScalarFunction;

/**
 * Nexmark q14's user-defined function {@code count_char(s, c)}: how many times the character {@code c} occurs in
 * {@code s}. Registered by the query itself: {@code CREATE FUNCTION count_char AS
 * 'dev.weir.sql.connector.nexmark.CountChar'}.
 */
public class CountChar extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public long eval(String s, String c) {
        if (s == null || c == null || c.isEmpty()) {
            return 0;
        }
        char wanted = c.charAt(0);
        long count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
