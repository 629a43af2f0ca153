package dev.weir.table.functions;

import java.util.Map;

/** What a {@link UserDefinedFunction} sees of its job when it is opened: the job's parameters. */
public class FunctionContext {
    private final Map<String, String> jobParameters;

    public FunctionContext(Map<String, String> jobParameters) {
        this.jobParameters = Map.copyOf(jobParameters);
    }

    /** The job parameter {@code key} (a {@code SET} option of the session), or {@code defaultValue}. */
    public String getJobParameter(String key, String defaultValue) {
        return jobParameters.getOrDefault(key, defaultValue);
    }
}
