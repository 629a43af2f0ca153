package dev.weir.api.java.utils;

import java.util.List;
import java.util.Map;

/**
 * Flink 1.x's name of {@link dev.weir.util.AbstractParameterTool}, the base of this package's {@link ParameterTool}
 * and {@link MultipleParameterTool}; all behaviour lives there, so both names behave alike.
 */
public abstract class AbstractParameterTool extends dev.weir.util.AbstractParameterTool {
    private static final long serialVersionUID = 1L;

    protected AbstractParameterTool(Map<String, List<String>> data) {
        super(data);
    }
}
