package dev.weir.sql.exec;

import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Flink's tableau layout of {@code TableResult.print()}. A streaming query prints each row as it arrives, with an
 * {@code op} column of row kinds and column widths taken from the column types (at most 30; longer values end in
 * {@code ...}), then {@code Received a total of N rows}; a statement's own rows (SHOW, DESCRIBE) are printed at
 * once with widths from the data, then {@code N rows in set}. NULL prints as {@code <NULL>}.
 */
public final class TableauPrinter {
    private static final int MAX_COLUMN_WIDTH = 30;
    private static final String NULL = "<NULL>";

    private TableauPrinter() {
    }

    /** Prints a streaming query's rows as they arrive. */
    public static void printStreaming(ResolvedSchema schema, Iterator<Row> rows, PrintStream out) {
        List<String> names = new ArrayList<>();
        names.add("op");
        names.addAll(schema.getColumnNames());
        int[] widths = new int[names.size()];
        widths[0] = 2;
        List<DataType> types = schema.getColumnDataTypes();
        for (int i = 0; i < types.size(); i++) {
            widths[i + 1] = Math.max(names.get(i + 1).length(), typeWidth(types.get(i)));
        }
        String border = border(widths);
        out.println(border);
        out.println(line(names.toArray(new String[0]), widths));
        out.println(border);
        long count = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            String[] cells = new String[widths.length];
            cells[0] = row.getKind().shortString();
            for (int i = 0; i < row.getArity(); i++) {
                cells[i + 1] = text(row.getField(i));
            }
            out.println(line(cells, widths));
            count++;
        }
        if (count == 0) {
            out.println("Empty set");
            return;
        }
        out.println(border);
        out.println("Received a total of " + count + (count == 1 ? " row" : " rows"));
    }

    /** Prints rows known in full (a statement's result), widths from the data. */
    public static void printBatch(ResolvedSchema schema, List<Row> rows, PrintStream out) {
        List<String> names = schema.getColumnNames();
        if (rows.isEmpty()) {
            out.println("Empty set");
            return;
        }
        int[] widths = new int[names.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = names.get(i).length();
            for (Row r : rows) {
                widths[i] = Math.max(widths[i], text(r.getField(i)).length());
            }
        }
        String border = border(widths);
        out.println(border);
        out.println(line(names.toArray(new String[0]), widths));
        out.println(border);
        for (Row r : rows) {
            String[] cells = new String[widths.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = text(r.getField(i));
            }
            out.println(line(cells, widths));
        }
        out.println(border);
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + " in set");
    }

    /** The width Flink gives a column of {@code type} in a streaming result (at most 30). */
    public static int typeWidth(DataType type) {
        int width;
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                width = 5;
                break;
            case TINYINT:
                width = 4;
                break;
            case SMALLINT:
                width = 6;
                break;
            case INTEGER:
                width = 11;
                break;
            case BIGINT:
                width = 20;
                break;
            case DECIMAL:
                width = type.getPrecision() + 2;
                break;
            case DATE:
                width = 10;
                break;
            case TIME_WITHOUT_TIME_ZONE:
                width = 8 + (type.getPrecision() > 0 ? type.getPrecision() + 1 : 0);
                break;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                width = 19 + (type.getPrecision() > 0 ? type.getPrecision() + 1 : 0);
                break;
            case CHAR:
            case VARCHAR:
                width = type.getPrecision();
                break;
            default:
                width = MAX_COLUMN_WIDTH;
        }
        if (type.isNullable()) {
            width = Math.max(width, NULL.length());
        }
        return Math.min(width, MAX_COLUMN_WIDTH);
    }

    /** A value as Flink prints it in a result ({@code <NULL>}, timestamps to the millisecond, TRUE/FALSE). */
    public static String text(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        }
        if (value instanceof java.math.BigDecimal) {
            return ((java.math.BigDecimal) value).toPlainString();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "TRUE" : "FALSE";
        }
        return value instanceof Object[] ? java.util.Arrays.deepToString((Object[]) value) : value.toString();
    }

    private static String border(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String c = cells[i];
            if (c.length() > widths[i]) {
                c = c.substring(0, Math.max(0, widths[i] - 3)) + "...";
            }
            sb.append(' ').append(" ".repeat(widths[i] - c.length())).append(c).append(" |");
        }
        return sb.toString();
    }
}
