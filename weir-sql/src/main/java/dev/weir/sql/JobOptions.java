package dev.weir.sql;

import dev.weir.configuration.Configuration;

/**
 * The part of a table environment's configuration that configures the jobs it starts: every option but the planner's
 * ({@code table.*}) and the SQL client's ({@code sql-client.*}), which the job would only log as unused.
 */
final class JobOptions {
    private JobOptions() {
    }

    static Configuration of(Configuration tableConfig) {
        Configuration job = new Configuration();
        for (String key : tableConfig.keySet()) {
            if (!key.startsWith("table.") && !key.startsWith("sql-client.")) {
                job.setString(key, tableConfig.getString(key, null));
            }
        }
        return job;
    }
}
