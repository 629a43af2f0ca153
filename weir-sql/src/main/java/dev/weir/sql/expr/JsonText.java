package dev.weir.sql.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JSON text that a JSON constructor inserts as JSON (the text of JSON(s), of a nested JSON_OBJECT or JSON_ARRAY), read
 * as Flink 2.3 reads it: numbers keep their digits (decimals as BigDecimal), an object's keys are put in order at every
 * depth, an empty or blank text is JSON null. One reader serves the JVM.
 */
final class JsonText {
    // Exact decimals: the default node factory would strip 12.50 to 12.5.
    private static final ObjectReader READER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).reader();

    private JsonText() {
    }

    /** The JSON tree of {@code text}; fails with Flink's message, naming the text and what to do, when it is no JSON. */
    static JsonNode read(String text) {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON string in JSON(value) function: \"" + text + "\". Error: "
                    + e.getOriginalMessage() + "; fix the text, or insert NULL where it is no JSON: "
                    + "JSON(CASE WHEN s IS JSON THEN s END)", e);
        }
        if (node == null || node.isMissingNode()) {
            return JsonNodeFactory.instance.nullNode();
        }
        return sorted(node);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                object.set(name, sorted(node.get(name)));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                array.add(sorted(element));
            }
            return array;
        }
        return node;
    }
}
