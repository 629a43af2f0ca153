package dev.weir.cli.sql;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive client: reads lines with JLine (editing, history in {@code ~/.weir/sql-history}) under the prompt
 * {@code Weir SQL>}, a continuation prompt while a statement is unfinished, and runs each statement once its
 * {@code ;} is typed. Ctrl-C stops a running result, Ctrl-D or QUIT ends the session.
 */
public final class InteractiveShell {
    static final String PROMPT = "Weir SQL> ";
    static final String CONTINUATION = "> ";

    private InteractiveShell() {
    }

    public static void run(SqlClient client, Terminal terminal) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("weir-sql")
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".weir", "sql-history"))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        terminal.handle(Terminal.Signal.INT, signal -> client.interrupt());
        terminal.writer().println("Welcome to Weir SQL. Type HELP; for the commands, QUIT; to leave.");
        terminal.writer().println();
        terminal.flush();
        StatementSplitter splitter = new StatementSplitter();
        while (!client.quitRequested()) {
            String line;
            try {
                line = reader.readLine(splitter.hasPending() ? CONTINUATION : PROMPT);
            } catch (UserInterruptException e) {
                splitter = new StatementSplitter();
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            for (StatementSplitter.Complete statement : splitter.add(line)) {
                client.execute(statement.sql());
                if (client.quitRequested()) {
                    break;
                }
            }
        }
    }

    /** The system terminal, or a dumb one when there is no console (output piped). */
    public static Terminal terminal() throws IOException {
        return TerminalBuilder.builder().system(true).build();
    }
}
