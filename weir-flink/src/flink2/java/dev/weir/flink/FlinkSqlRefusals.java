package dev.weir.flink;

import dev.weir.sql.exec.SqlJob;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * Turns what Flink's planner refuses in a Weir SQL job into one Weir error, before the job is submitted: a table
 * whose connector Flink lacks (a Weir-only connector, or a Flink connector whose jar is missing) is named with its
 * connector; any other refusal keeps Flink's own words, with the statement they are about.
 */
final class FlinkSqlRefusals {
    private final SqlJob job;
    private final TableEnvironment tables;

    FlinkSqlRefusals(SqlJob job, TableEnvironment tables) {
        this.job = job;
        this.tables = tables;
    }

    /** Runs one step of the planning; a failure becomes a {@link ValidationException} naming {@code statement}. */
    void run(String statement, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            String reason = causes(e);
            throw new ValidationException(missingConnector(reason).orElseGet(() -> "Flink's planner refused the SQL job '"
                    + job.jobName() + "' before submission, at the statement:\n" + statement + "\n" + reason
                    + "\nChange the statement so that Flink's planner accepts it, or run the job on Weir (execution.target 'local')"), e);
        }
    }

    /** The first table named in Flink's refusal whose connector Flink does not find, as a Weir error. */
    private Optional<String> missingConnector(String reason) {
        for (String name : tables.listTables()) {
            if (!reason.contains("default_catalog.default_database." + name + "'")) {
                continue;
            }
            String connector = options(name).get(FactoryUtil.CONNECTOR.key());
            if (connector != null && !hasFactory(connector)) {
                return Optional.of("The SQL job '" + job.jobName() + "' cannot run on Flink: table '" + name + "' uses connector '"
                        + connector + "', which Flink's planner does not have (a connector Weir has and Flink lacks, or a Flink "
                        + "connector whose jar is missing); add the Flink connector's jar of the cluster's version to the job, "
                        + "or run the job on Weir (execution.target 'local')");
            }
        }
        return Optional.empty();
    }

    private Map<String, String> options(String table) {
        try {
            CatalogBaseTable t = tables.getCatalog(tables.getCurrentCatalog()).orElseThrow()
                    .getTable(new ObjectPath(tables.getCurrentDatabase(), table));
            return t.getOptions();
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static boolean hasFactory(String connector) {
        try {
            FactoryUtil.discoverFactory(Thread.currentThread().getContextClassLoader(), DynamicTableFactory.class, connector);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Flink's messages from the outermost to the root cause, each once. */
    private static String causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !messages.contains(t.getMessage())) {
                messages.add(t.getMessage());
            }
        }
        return String.join("\n", messages);
    }
}
