package dev.weir.api.common.serialization;

import java.io.Serializable;

/**
 * Flink's serializer settings, as {@code env.getConfig().getSerializerConfig()} returns them for
 * {@code TypeInformation.createSerializer(...)}. Weir has no settings here: it serializes state with its own serializer.
 */
public interface SerializerConfig extends Serializable {
}
