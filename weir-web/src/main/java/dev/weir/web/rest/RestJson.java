package dev.weir.web.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The two Jackson mappers of the REST API: a strict one for what the server reads, a tolerant one for clients. */
public final class RestJson {
    /** Request bodies are a few short fields: anything deeper or longer is not a request. */
    private static final int MAX_NESTING_DEPTH = 16;
    private static final int MAX_STRING_LENGTH = 4096;

    private RestJson() {
    }

    /**
     * The server's mapper: request bodies must be well-formed JSON objects with known fields of the right types
     * (no number or object where a string belongs, no "true" in quotes where a boolean belongs), shallow and short.
     */
    public static ObjectMapper server() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The clients' mapper: reads the server's answers and ignores fields a newer server may add. */
    public static ObjectMapper client() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Jackson's reason without its source excerpt: what was wrong and where (line, column), for a 400's message. */
    public static String reason(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }
}
