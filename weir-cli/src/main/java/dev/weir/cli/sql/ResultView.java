package dev.weir.cli.sql;

import dev.weir.sql.exec.TableauPrinter;
import dev.weir.table.api.TableResult;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.CloseableIterator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a query's result in one of Flink's modes ({@code sql-client.execution.result-mode}): {@code tableau} prints
 * each change as a table row with its kind; {@code changelog} prints each change as a line with Flink's {@code op}
 * column first ({@link ChangelogView});
 * {@code table} keeps the result materialized (each -U/-D removes its row) and, on a terminal, redraws it in place
 * after every change, else prints it once complete.
 */
final class ResultView {
    static final String TABLE = "table";
    static final String CHANGELOG = "changelog";
    static final String TABLEAU = "tableau";

    private final PrintStream out;
    private final boolean redrawInPlace;

    ResultView(PrintStream out, boolean redrawInPlace) {
        this.out = out;
        this.redrawInPlace = redrawInPlace;
    }

    /** Shows {@code result} until it ends or {@code rows} is closed (Ctrl-C). */
    void show(TableResult result, CloseableIterator<Row> rows, String mode) {
        ResolvedSchema schema = result.getResolvedSchema();
        if (mode.equals(TABLEAU)) {
            TableauPrinter.printStreaming(schema, rows, out);
        } else if (mode.equals(CHANGELOG)) {
            ChangelogView.show(schema, rows, out);
        } else {
            table(schema, rows);
        }
        out.flush();
    }

    private void table(ResolvedSchema schema, CloseableIterator<Row> rows) {
        List<Row> live = new ArrayList<>();
        int drawnLines = 0;
        while (rows.hasNext()) {
            Row change = rows.next();
            RowKind kind = change.getKind();
            Row plain = Row.copy(change);
            plain.setKind(RowKind.INSERT);
            if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                live.add(plain);
            } else {
                live.remove(plain);
            }
            if (redrawInPlace) {
                drawnLines = redraw(schema, live, drawnLines);
            }
        }
        if (!redrawInPlace) {
            TableauPrinter.printBatch(schema, live, out);
        } else if (drawnLines == 0) {
            out.println("Empty set");
        }
    }

    /** Moves the cursor up over the last drawing, clears to the end of the screen and draws the table again. */
    private int redraw(ResolvedSchema schema, List<Row> live, int drawnLines) {
        if (drawnLines > 0) {
            out.print("\033[" + drawnLines + "A\033[J");
        }
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        PrintStream drawing = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
        TableauPrinter.printBatch(schema, live, drawing);
        String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
