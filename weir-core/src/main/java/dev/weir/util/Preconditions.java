package dev.weir.util;

import java.util.concurrent.CompletableFuture;

/**
 * Argument and state checks with Flink's names and messages. A message template replaces each {@code %s} with the
 * next argument in turn; arguments left over are appended in square brackets, as Flink (and Guava) do.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** Returns {@code reference}, or throws a {@link NullPointerException} without a message when it is null. */
    public static <T> T checkNotNull(T reference) {
        if (reference == null) {
            throw new NullPointerException();
        }
        return reference;
    }

    /** Returns {@code reference}, or throws a {@link NullPointerException} with the message when it is null. */
    public static <T> T checkNotNull(T reference, String errorMessage) {
        if (reference == null) {
            throw new NullPointerException(String.valueOf(errorMessage));
        }
        return reference;
    }

    /** Returns {@code reference}, or throws a {@link NullPointerException} with the formatted message. */
    public static <T> T checkNotNull(T reference, String errorMessageTemplate, Object... errorMessageArgs) {
        if (reference == null) {
            throw new NullPointerException(format(errorMessageTemplate, errorMessageArgs));
        }
        return reference;
    }

    /** Throws an {@link IllegalArgumentException} when the condition is false. */
    public static void checkArgument(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException();
        }
    }

    public static void checkArgument(boolean condition, Object errorMessage) {
        if (!condition) {
            throw new IllegalArgumentException(String.valueOf(errorMessage));
        }
    }

    public static void checkArgument(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
        if (!condition) {
            throw new IllegalArgumentException(format(errorMessageTemplate, errorMessageArgs));
        }
    }

    /** Throws an {@link IllegalStateException} when the condition is false. */
    public static void checkState(boolean condition) {
        if (!condition) {
            throw new IllegalStateException();
        }
    }

    public static void checkState(boolean condition, Object errorMessage) {
        if (!condition) {
            throw new IllegalStateException(String.valueOf(errorMessage));
        }
    }

    public static void checkState(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
        if (!condition) {
            throw new IllegalStateException(format(errorMessageTemplate, errorMessageArgs));
        }
    }

    /** Throws an {@link IndexOutOfBoundsException} unless {@code 0 <= index < size}. */
    public static void checkElementIndex(int index, int size) {
        checkArgument(size >= 0, "Size was negative.");
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
    }

    public static void checkElementIndex(int index, int size, String errorMessage) {
        checkArgument(size >= 0, "Size was negative.");
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(errorMessage + " Index: " + index + ", Size: " + size);
        }
    }

    /** Throws an {@link IllegalStateException} unless the future completed without an exception. */
    public static void checkCompletedNormally(CompletableFuture<?> future) {
        checkState(future.isDone());
        if (future.isCompletedExceptionally()) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String format(String template, Object... args) {
        String text = String.valueOf(template);
        Object[] values = args == null ? new Object[0] : args;
        StringBuilder out = new StringBuilder(text.length() + 16 * values.length);
        int start = 0;
        int used = 0;
        while (used < values.length) {
            int at = text.indexOf("%s", start);
            if (at < 0) {
                break;
            }
            out.append(text, start, at).append(values[used++]);
            start = at + 2;
        }
        out.append(text, start, text.length());
        if (used < values.length) {
            out.append(" [");
            for (int i = used; i < values.length; i++) {
                out.append(i > used ? ", " : "").append(values[i]);
            }
            out.append(']');
        }
        return out.toString();
    }
}
