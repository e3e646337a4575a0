package fr.infocentre.warehouse;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How a published cell is written in CSV (API downloads and open-data files alike): {@code s}
 * (the INSEE mark) when masked by the secret statistique, empty when the figure does not exist,
 * otherwise the figure with a decimal comma and no grouping.
 */
public final class CsvCell {

    /** The INSEE mark of a cell masked by the secret statistique. */
    public static final String MASKED = "s";

    private CsvCell() {
    }

    public static String text(Object value, boolean mask) {
        if (mask) {
            return MASKED;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return decimal(n).toPlainString().replace('.', ',');
        }
        return value.toString();
    }

    /** A figure as an exact decimal, trailing zeros stripped. */
    public static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros();
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
