package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** One datagen column: a sequence ({@code start + index}) or random values in {@code [min, max]}, in internal form. */
final class DatagenField implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SqlTypeName type;
    private final boolean sequence;
    private final long start;
    private final long end;
    private final long min;
    private final long max;
    private final int length;
    private final double nullRate;
    private final int scale;

    private DatagenField(SqlTypeName type, boolean sequence, long start, long end, long min, long max, int length,
            double nullRate, int scale) {
        this.type = type;
        this.sequence = sequence;
        this.start = start;
        this.end = end;
        this.min = min;
        this.max = max;
        this.length = length;
        this.nullRate = nullRate;
        this.scale = scale;
    }

    static DatagenField of(CatalogTable table, String name, RelDataType relType, Map<String, String> options) {
        String prefix = "fields." + name + ".";
        String kind = options.getOrDefault(prefix + "kind", "random");
        SqlTypeName type = relType.getSqlTypeName();
        if (!kind.equals("random") && !kind.equals("sequence")) {
            throw new ValidationException("Option '" + prefix + "kind' of table '" + table.name() + "' must be 'random' or "
                    + "'sequence', was '" + kind + "'");
        }
        boolean sequence = kind.equals("sequence");
        long start = 0;
        long end = 0;
        if (sequence) {
            start = DatagenConnector.parseLong(table, prefix + "start", TableConnector.required(options, prefix + "start", table, "1"));
            end = DatagenConnector.parseLong(table, prefix + "end", TableConnector.required(options, prefix + "end", table, "1000"));
            if (end < start) {
                throw new ValidationException("Option '" + prefix + "end' (" + end + ") of table '" + table.name()
                        + "' must not be less than '" + prefix + "start' (" + start + ")");
            }
        }
        long defaultMax;
        switch (type) {
            case TINYINT:
                defaultMax = Byte.MAX_VALUE;
                break;
            case SMALLINT:
                defaultMax = Short.MAX_VALUE;
                break;
            case INTEGER:
                defaultMax = Integer.MAX_VALUE;
                break;
            default:
                defaultMax = Long.MAX_VALUE;
        }
        long min = Long.parseLong(options.getOrDefault(prefix + "min", type == SqlTypeName.BIGINT ? String.valueOf(Long.MIN_VALUE)
                : type == SqlTypeName.INTEGER ? String.valueOf(Integer.MIN_VALUE) : "0").split("\\.")[0]);
        long max = Long.parseLong(options.getOrDefault(prefix + "max", String.valueOf(defaultMax)).split("\\.")[0]);
        int length = Integer.parseInt(options.getOrDefault(prefix + "length", "100"));
        double nullRate = Double.parseDouble(options.getOrDefault(prefix + "null-rate", "0"));
        return new DatagenField(type, sequence, start, end, min, max, length, nullRate, Math.max(0, relType.getScale()));
    }

    /** How many rows the sequence has; unbounded for a random field. */
    long sequenceLength() {
        return sequence ? end - start + 1 : Long.MAX_VALUE;
    }

    Object value(long index) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (nullRate > 0 && random.nextDouble() < nullRate) {
            return null;
        }
        long n = sequence ? start + index : (min >= max ? min : min + Math.floorMod(random.nextLong(), max - min + 1 > 0 ? max - min + 1 : Long.MAX_VALUE));
        switch (type) {
            case TINYINT:
                return (byte) n;
            case SMALLINT:
                return (short) n;
            case INTEGER:
                return (int) n;
            case BIGINT:
                return n;
            case FLOAT:
                return sequence ? (float) n : (float) (min + random.nextDouble() * (max - min));
            case DOUBLE:
                return sequence ? (double) n : min + random.nextDouble() * (max - min);
            case DECIMAL:
                return BigDecimal.valueOf(n).setScale(scale);
            case BOOLEAN:
                return sequence ? (n & 1) == 1 : random.nextBoolean();
            case CHAR:
            case VARCHAR: {
                if (sequence) {
                    return Long.toString(n);
                }
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
                }
                return new String(chars);
            }
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return sequence ? n : System.currentTimeMillis();
            case DATE:
                return (int) (sequence ? n : System.currentTimeMillis() / 86_400_000L);
            default:
                throw new ValidationException("datagen cannot generate type " + type + " yet");
        }
    }
}
