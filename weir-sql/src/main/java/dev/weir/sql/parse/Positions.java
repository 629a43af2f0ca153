package dev.weir.sql.parse;

/** Turns an offset in a statement into Flink's "line L, column C" (both from 1). */
public final class Positions {
    private Positions() {
    }

    public static String describe(String sql, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
