package dev.weir.cli.sql;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.web.SqlJobRunner;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of {@code weir sql --address}: a running Weir replays the client's session (its options and its
 * CREATE / DROP / ALTER statements) in a fresh table environment and starts the INSERT in this process, where it shows
 * on the dashboard like any job. Only DDL may precede the INSERT, so a request never starts other jobs.
 */
public final class SqlJobs implements SqlJobRunner {
    @Override
    public String start(Map<String, String> configuration, List<String> statements) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        configuration.forEach((key, value) -> env.getConfig().set(key, value));
        for (String statement : statements.subList(0, statements.size() - 1)) {
            if (!isSetup(statement)) {
                throw new IllegalArgumentException("Only CREATE, DROP, ALTER and USE statements may come before the INSERT; got: "
                        + statement);
            }
            env.executeSql(statement);
        }
        String insert = statements.get(statements.size() - 1);
        if (!isJob(insert)) {
            throw new IllegalArgumentException("The last statement must be an INSERT INTO or EXECUTE STATEMENT SET; got: " + insert);
        }
        TableResult result = env.executeSql(insert);
        return result.getJobClient().orElseThrow(() -> new IllegalStateException("The INSERT started no job: " + insert))
                .getJobID().toString();
    }

    static boolean isSetup(String statement) {
        String upper = firstWord(statement);
        return upper.equals("CREATE") || upper.equals("DROP") || upper.equals("ALTER") || upper.equals("USE");
    }

    static boolean isJob(String statement) {
        String upper = firstWord(statement);
        return upper.equals("INSERT") || upper.equals("EXECUTE");
    }

    private static String firstWord(String statement) {
        String s = statement.strip();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
