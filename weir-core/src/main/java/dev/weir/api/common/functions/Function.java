package dev.weir.api.common.functions;

import java.io.Serializable;

/** The root of every user function: serializable, so a job description can leave the process later. */
public interface Function extends Serializable {
}
