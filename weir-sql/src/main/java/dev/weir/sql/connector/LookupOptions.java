package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import dev.weir.util.TimeUtils;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lookup table's cache and retry options, by Flink's keys: {@code lookup.cache} ({@code NONE} or {@code PARTIAL}),
 * {@code lookup.partial-cache.max-rows}, {@code .expire-after-write}, {@code .expire-after-access},
 * {@code .cache-missing-key}, {@code lookup.max-retries}, and the deprecated {@code lookup.cache.max-rows},
 * {@code lookup.cache.ttl} and {@code lookup.cache.caching-missing-key}, which (as in Flink's JDBC connector) make a
 * partial cache expiring after write when {@code lookup.cache} is not set. Weir bounds every cache: a partial cache
 * needs its maximum size. {@code maxRows} is zero when there is no cache.
 */
public record LookupOptions(long maxRows, long expireAfterWriteMillis, long expireAfterAccessMillis, boolean cacheMissingKey,
        int maxRetries) implements java.io.Serializable {
    public static final String CACHE = "lookup.cache";
    public static final String MAX_ROWS = "lookup.partial-cache.max-rows";
    public static final String EXPIRE_AFTER_WRITE = "lookup.partial-cache.expire-after-write";
    public static final String EXPIRE_AFTER_ACCESS = "lookup.partial-cache.expire-after-access";
    public static final String CACHE_MISSING_KEY = "lookup.partial-cache.cache-missing-key";
    public static final String MAX_RETRIES = "lookup.max-retries";
    public static final String LEGACY_MAX_ROWS = "lookup.cache.max-rows";
    public static final String LEGACY_TTL = "lookup.cache.ttl";
    public static final String LEGACY_CACHE_MISSING_KEY = "lookup.cache.caching-missing-key";

    /** Every lookup option, for a connector's {@code supportsOption} and its list of supported options. */
    public static final Set<String> KEYS = Set.of(CACHE, MAX_ROWS, EXPIRE_AFTER_WRITE, EXPIRE_AFTER_ACCESS, CACHE_MISSING_KEY,
            MAX_RETRIES, LEGACY_MAX_ROWS, LEGACY_TTL, LEGACY_CACHE_MISSING_KEY);

    /** Whether lookups go through a cache. */
    public boolean cached() {
        return maxRows > 0;
    }

    /** The options of {@code table}, checked; a wrong value is a {@link ValidationException} naming the option. */
    public static LookupOptions of(CatalogTable table) {
        Map<String, String> o = table.options();
        int retries = (int) number(table, MAX_RETRIES, 3);
        String mode = o.get(CACHE);
        if (mode == null) {
            long legacyRows = number(table, LEGACY_MAX_ROWS, -1);
            if (legacyRows < 0 && !o.containsKey(LEGACY_TTL)) {
                return new LookupOptions(0, 0, 0, true, retries);
            }
            if (legacyRows <= 0 || !o.containsKey(LEGACY_TTL)) {
                throw new ValidationException("Table '" + table.name() + "' sets only one of the deprecated options '"
                        + LEGACY_MAX_ROWS + "' and '" + LEGACY_TTL + "'; the legacy lookup cache needs both (or use '" + CACHE
                        + "' = 'PARTIAL' with '" + MAX_ROWS + "')");
            }
            return new LookupOptions(legacyRows, duration(table, LEGACY_TTL), 0,
                    bool(table, LEGACY_CACHE_MISSING_KEY, true), retries);
        }
        switch (mode.trim().toUpperCase(Locale.ROOT)) {
            case "NONE":
                return new LookupOptions(0, 0, 0, true, retries);
            case "PARTIAL": {
                if (!o.containsKey(MAX_ROWS)) {
                    throw new ValidationException("Table '" + table.name() + "' sets '" + CACHE + "' = 'PARTIAL' without '"
                            + MAX_ROWS + "'; Weir bounds every lookup cache, so add e.g. '" + MAX_ROWS + "' = '10000'");
                }
                long rows = number(table, MAX_ROWS, 0);
                if (rows <= 0) {
                    throw new ValidationException("Option '" + MAX_ROWS + "' of table '" + table.name() + "' must be positive, "
                            + "was '" + o.get(MAX_ROWS) + "'");
                }
                return new LookupOptions(rows, o.containsKey(EXPIRE_AFTER_WRITE) ? duration(table, EXPIRE_AFTER_WRITE) : 0,
                        o.containsKey(EXPIRE_AFTER_ACCESS) ? duration(table, EXPIRE_AFTER_ACCESS) : 0,
                        bool(table, CACHE_MISSING_KEY, true), retries);
            }
            case "FULL":
                throw new ValidationException("Option '" + CACHE + "' = 'FULL' of table '" + table.name() + "' is not supported "
                        + "by Weir yet; use 'PARTIAL' (with '" + MAX_ROWS + "') or 'NONE'");
            default:
                throw new ValidationException("Invalid value '" + mode + "' for option '" + CACHE + "' of table '" + table.name()
                        + "'; the valid values are NONE and PARTIAL");
        }
    }

    private static long number(CatalogTable table, String key, long defaultValue) {
        String value = table.options().get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be a whole number of at "
                    + "least 0, was '" + value + "'");
        }
    }

    private static long duration(CatalogTable table, String key) {
        String value = table.options().get(key);
        try {
            Duration d = TimeUtils.parseDuration(value);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d.toMillis();
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be a positive duration "
                    + "such as '10 min' or '30s', was '" + value + "'");
        }
    }

    private static boolean bool(CatalogTable table, String key, boolean defaultValue) {
        String value = table.options().get(key);
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be 'true' or 'false', was '"
                    + value + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
