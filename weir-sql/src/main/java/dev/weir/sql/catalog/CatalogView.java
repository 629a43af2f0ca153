package dev.weir.sql.catalog;

import dev.weir.table.catalog.ResolvedSchema;
import java.util.Objects;

/** A view of the session catalog: a query's text, expanded wherever the view is used, and its result schema. */
public record CatalogView(String name, String query, ResolvedSchema schema) {
    public CatalogView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(schema, "schema");
    }
}
