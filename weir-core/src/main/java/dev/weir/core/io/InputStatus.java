package dev.weir.core.io;

import dev.weir.api.connector.source.SourceReader;

/** What {@link SourceReader#pollNext} reports after a call. */
public enum InputStatus {
    /** More elements are ready: call again soon. */
    MORE_AVAILABLE,
    /** Nothing is ready now; the runtime calls again later (the reader must not block). */
    NOTHING_AVAILABLE,
    /** This reader is finished. */
    END_OF_INPUT
}
