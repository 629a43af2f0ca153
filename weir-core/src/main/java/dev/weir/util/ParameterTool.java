package dev.weir.util;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Program parameters, as Flink's {@code ParameterTool} (Flink 2.x's name; a Flink 1.x job finds the same behaviour
 * in {@code dev.weir.api.java.utils}): parsed from {@code --key value} arguments, a map, a properties file or the
 * system properties, and read with typed getters ({@code getInt("port", 8080)}). A key given twice keeps its last
 * value. Pass it to {@code env.getConfig().setGlobalJobParameters(params)} to read it in every function through
 * {@code getRuntimeContext().getGlobalJobParameters()}.
 */
public class ParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;

    private ParameterTool(Map<String, List<String>> data) {
        super(lastValues(data));
    }

    /**
     * Parses {@code --key value} or {@code -key value} pairs; a key followed by another key or by nothing gets
     * {@link #NO_VALUE_KEY}, and a negative number after a key is its value.
     *
     * @throws IllegalArgumentException if an argument where a key belongs does not start with {@code -}
     */
    public static ParameterTool fromArgs(String[] args) {
        return new ParameterTool(parseArgs(args));
    }

    /** The entries of a map. */
    public static ParameterTool fromMap(Map<String, String> map) {
        return new ParameterTool(single(map));
    }

    /** The entries of a properties file; {@link java.io.FileNotFoundException} when there is none at the path. */
    public static ParameterTool fromPropertiesFile(String path) throws IOException {
        return fromPropertiesFile(new File(path));
    }

    public static ParameterTool fromPropertiesFile(File file) throws IOException {
        return fromMap(readPropertiesFile(file));
    }

    /** The properties read from a stream, which is left open. */
    public static ParameterTool fromPropertiesFile(InputStream inputStream) throws IOException {
        return fromMap(readProperties(inputStream));
    }

    /** The JVM's system properties ({@code -Dkey=value}). */
    public static ParameterTool fromSystemProperties() {
        return fromMap(fromProperties(System.getProperties()));
    }

    /** Both tools' parameters; for a key in both, {@code other}'s value wins. */
    public ParameterTool mergeWith(ParameterTool other) {
        return new ParameterTool(merged(other));
    }
}
