package dev.weir.python;

/**
 * A Python user function raised: the message is the Python side's account (operator, record, traceback), so the job's
 * failure shows what a Python user needs and no Java stack noise about it.
 */
public final class PythonFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PythonFunctionException(String message) {
        super(message, null, false, false);
    }
}
