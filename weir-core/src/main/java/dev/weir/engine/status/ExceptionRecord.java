package dev.weir.engine.status;

/** A failure of one attempt of a job: when, which attempt, the message and the stack trace. */
public record ExceptionRecord(long time, int attempt, String message, String stackTrace) {
}
