package dev.weir.table.api.bridge.java;

import dev.weir.table.api.StatementSet;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TablePipeline;

/**
 * The {@link StatementSet} of a {@link StreamTableEnvironment}, as in Flink: its inserts can also join the jobs of the
 * environment's DataStream program ({@link #attachAsDataStream()}) instead of running as a job of their own.
 */
public interface StreamStatementSet extends StatementSet {
    @Override
    StreamStatementSet addInsertSql(String statement);

    @Override
    StreamStatementSet addInsert(String targetPath, Table table);

    @Override
    StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite);

    @Override
    StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table);

    @Override
    StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite);

    @Override
    StreamStatementSet add(TablePipeline tablePipeline);

    /**
     * Plans every insert added onto the StreamExecutionEnvironment the table environment was created on, to run with
     * its other sinks when {@code env.execute()} is called; the set is empty afterwards.
     */
    void attachAsDataStream();
}
