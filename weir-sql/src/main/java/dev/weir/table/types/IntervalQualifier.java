package dev.weir.table.types;

/** Flink's summary strings of interval types, e.g. {@code INTERVAL DAY(2) TO SECOND(3)}, {@code INTERVAL MONTH}. */
final class IntervalQualifier {
    private IntervalQualifier() {
    }

    /**
     * {@code qualifier} is the resolution ({@code YEAR_TO_MONTH}, {@code DAY_TO_SECOND}, {@code MINUTE}...);
     * {@code leading} the year or day precision, {@code fractional} the precision of seconds.
     */
    static String summary(String qualifier, int leading, int fractional) {
        switch (qualifier) {
            case "YEAR":
                return "INTERVAL YEAR(" + leading + ")";
            case "YEAR_TO_MONTH":
                return "INTERVAL YEAR(" + leading + ") TO MONTH";
            case "MONTH":
                return "INTERVAL MONTH";
            case "DAY":
                return "INTERVAL DAY(" + leading + ")";
            case "DAY_TO_HOUR":
                return "INTERVAL DAY(" + leading + ") TO HOUR";
            case "DAY_TO_MINUTE":
                return "INTERVAL DAY(" + leading + ") TO MINUTE";
            case "DAY_TO_SECOND":
                return "INTERVAL DAY(" + leading + ") TO SECOND(" + fractional + ")";
            case "HOUR":
                return "INTERVAL HOUR";
            case "HOUR_TO_MINUTE":
                return "INTERVAL HOUR TO MINUTE";
            case "HOUR_TO_SECOND":
                return "INTERVAL HOUR TO SECOND(" + fractional + ")";
            case "MINUTE":
                return "INTERVAL MINUTE";
            case "MINUTE_TO_SECOND":
                return "INTERVAL MINUTE TO SECOND(" + fractional + ")";
            default:
                return "INTERVAL SECOND(" + fractional + ")";
        }
    }
}
