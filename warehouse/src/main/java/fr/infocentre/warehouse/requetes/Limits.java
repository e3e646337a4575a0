package fr.infocentre.warehouse.requetes;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The limits every requête runs under: interrupted after {@code timeout}, refused when its result would hold more
 * than {@code maxRows} rows. Defaults {@link #DEFAULT}; the server's are read from the system properties
 * {@value #TIMEOUT_PROPERTY} (seconds, or an ISO-8601 duration such as {@code PT2.5S}) and
 * {@value #MAX_ROWS_PROPERTY} ({@code SERVE_JAVA_OPTS="-Dinfocentre.requetes.timeout=20"}).
 */
public record Limits(Duration timeout, int maxRows) {

    public static final String TIMEOUT_PROPERTY = "infocentre.requetes.timeout";
    public static final String MAX_ROWS_PROPERTY = "infocentre.requetes.max-rows";
    /** 10 seconds, 10,000 rows. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 10_000);

    public Limits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a requête's timeout is positive: " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("a requête's row limit is at least 1: " + maxRows);
        }
    }

    /** The defaults, overridden by the system properties when set. */
    public static Limits fromSystemProperties() {
        Duration timeout = DEFAULT.timeout;
        String t = System.getProperty(TIMEOUT_PROPERTY);
        if (t != null && !t.isBlank()) {
            try {
                timeout = t.strip().matches("[0-9]+") ? Duration.ofSeconds(Long.parseLong(t.strip())) : Duration.parse(t.strip());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(TIMEOUT_PROPERTY + ": seconds or an ISO-8601 duration, not " + t, e);
            }
        }
        int maxRows = DEFAULT.maxRows;
        String m = System.getProperty(MAX_ROWS_PROPERTY);
        if (m != null && !m.isBlank()) {
            try {
                maxRows = Integer.parseInt(m.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_ROWS_PROPERTY + ": a number of rows, not " + m, e);
            }
        }
        return new Limits(timeout, maxRows);
    }
}
