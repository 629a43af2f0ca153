package dev.weir.sql;

import dev.weir.sql.exec.TableResultImpl;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.parse.StatementParser;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.bridge.java.StreamStatementSet;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TablePipeline;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** INSERT statements collected and run as one job, as Flink's {@code StatementSet}. */
final class StatementSetImpl implements StreamStatementSet {
    private final TableEnvironmentImpl environment;
    private final List<String[]> inserts = new ArrayList<>();

    StatementSetImpl(TableEnvironmentImpl environment) {
        this.environment = environment;
    }

    @Override
    public StreamStatementSet addInsertSql(String statement) {
        Statement parsed = StatementParser.parse(statement);
        if (!(parsed instanceof Statement.Insert)) {
            throw new ValidationException("Only INSERT statements can be added to a StatementSet; got: " + statement.strip());
        }
        Statement.Insert insert = (Statement.Insert) parsed;
        inserts.add(new String[] {insert.target(), insert.query()});
        return this;
    }

    @Override
    public StreamStatementSet addInsert(String targetPath, Table table) {
        inserts.add(new String[] {CatalogStatements.objectName(targetPath), environment.sqlOf(table)});
        return this;
    }

    @Override
    public StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite) {
        TableEnvironmentImpl.refuseOverwrite(overwrite);
        return addInsert(targetPath, table);
    }

    @Override
    public StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table) {
        inserts.add(new String[] {environment.registerSink(targetDescriptor, table), environment.sqlOf(table)});
        return this;
    }

    @Override
    public StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite) {
        TableEnvironmentImpl.refuseOverwrite(overwrite);
        return addInsert(targetDescriptor, table);
    }

    @Override
    public StreamStatementSet add(TablePipeline tablePipeline) {
        if (!(tablePipeline instanceof InsertPipeline) || ((InsertPipeline) tablePipeline).environment() != environment) {
            throw new ValidationException("Only a TablePipeline of this table environment (Table.insertInto) can be added "
                    + "to its StatementSet");
        }
        InsertPipeline pipeline = (InsertPipeline) tablePipeline;
        inserts.add(new String[] {pipeline.target(), pipeline.query()});
        return this;
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (String[] insert : inserts) {
            sb.append(environment.explainSql("INSERT INTO `" + insert[0] + "` " + insert[1])).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void attachAsDataStream() {
        if (inserts.isEmpty()) {
            throw new ValidationException("No statement to attach: add INSERT statements with addInsertSql, addInsert or add first");
        }
        StreamExecutionEnvironment env = environment.boundEnvironmentForAttach();
        for (String[] insert : inserts) {
            environment.addInsert(env, insert[0], insert[1]);
        }
        inserts.clear();
    }

    @Override
    public TableResult execute() {
        if (inserts.isEmpty()) {
            throw new ValidationException("No statement to execute: add INSERT statements with addInsertSql, addInsert or add first");
        }
        if (!environment.runsOnWeir()) {
            List<String> statements = new ArrayList<>();
            for (String[] insert : inserts) {
                statements.add(TableEnvironmentImpl.insertStatement(insert[0], insert[1]));
            }
            inserts.clear();
            return TableResultImpl.ofInsert("statement-set", environment.submitStatements("insert-into statement set", statements));
        }
        StreamExecutionEnvironment env = environment.jobEnvironmentForSet();
        for (String[] insert : inserts) {
            environment.addInsert(env, insert[0], insert[1]);
        }
        inserts.clear();
        return TableResultImpl.ofInsert("statement-set", environment.submit(env, "insert-into statement set"));
    }
}
