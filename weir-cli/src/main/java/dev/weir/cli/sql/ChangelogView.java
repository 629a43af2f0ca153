package dev.weir.cli.sql;

import dev.weir.sql.exec.TableauPrinter;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;

/**
 * Flink's {@code changelog} result mode: every change of the result as it arrives, one line each, with the {@code op}
 * column (+I, -U, +U, -D) first and the result's columns after it, right-aligned to the widths Flink gives their types,
 * without the borders of {@code tableau}; then {@code Received a total of N rows}. Unlike Flink's full-screen view the
 * lines stay in the terminal's scrollback, so a long changelog can be read back after the query ends.
 */
final class ChangelogView {
    private static final String OP = "op";

    private ChangelogView() {
    }

    static void show(ResolvedSchema schema, Iterator<Row> rows, PrintStream out) {
        List<String> names = schema.getColumnNames();
        List<DataType> types = schema.getColumnDataTypes();
        int[] widths = new int[names.size()];
        StringBuilder header = new StringBuilder(" ").append(OP);
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(names.get(i).length(), TableauPrinter.typeWidth(types.get(i)));
            cell(header, names.get(i), widths[i]);
        }
        out.println(header);
        long count = 0;
        StringBuilder line = new StringBuilder();
        while (rows.hasNext()) {
            Row row = rows.next();
            line.setLength(0);
            line.append(' ').append(row.getKind().shortString());
            for (int i = 0; i < widths.length; i++) {
                cell(line, TableauPrinter.text(row.getField(i)), widths[i]);
            }
            out.println(line);
            out.flush();
            count++;
        }
        out.println("Received a total of " + count + (count == 1 ? " row" : " rows"));
    }

    /** One column: a space, then the text right-aligned to {@code width}, cut with {@code ...} when longer. */
    private static void cell(StringBuilder line, String text, int width) {
        String shown = text.length() > width ? text.substring(0, Math.max(0, width - 3)) + "..." : text;
        line.append(' ').append(" ".repeat(width - shown.length())).append(shown);
    }
}
