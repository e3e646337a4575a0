package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of the restricted rapports of series 06 ({@link GuichetActivity}), as written in a URL:
 * a month {@code 2025-03}, a quarter {@code 2025-T1}, a year {@code 2025}, or the last 12 months
 * ending at the data's extraction date {@code 12-derniers-mois}.
 * <p>
 * A period's days run from {@link #start} to {@link #end}, both included; a period still in progress
 * at the extraction date ends at that date (its figures say so in a note).
 *
 * @param kind   month, quarter, year or the last 12 months
 * @param year   the calendar year (0 for the last 12 months)
 * @param number the month (1–12) or the quarter (1–4); 0 for a year and the last 12 months
 */
public record Period(Kind kind, int year, int number) {

    /** The kinds of period, with their key in catalogue declarations ({@code periods:}). */
    public enum Kind {
        MOIS("mois"), TRIMESTRE("trimestre"), ANNEE("annee"), DOUZE_DERNIERS_MOIS("12-derniers-mois");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** As written in the rapport's YAML: mois, trimestre, annee, 12-derniers-mois. */
        public String key() {
            return key;
        }

        public static Optional<Kind> byKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
        }
    }

    /** The key of the last 12 months. */
    public static final String LAST_12_MONTHS = "12-derniers-mois";

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-T(\\d)");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"};
    private static final String EXPECTED = "attendu : un mois (2025-03), un trimestre (2025-T1), une année (2025)"
            + " ou " + LAST_12_MONTHS;

    public Period {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        boolean valid = switch (kind) {
            case MOIS -> number >= 1 && number <= 12 && year >= 1;
            case TRIMESTRE -> number >= 1 && number <= 4 && year >= 1;
            case ANNEE -> number == 0 && year >= 1;
            case DOUZE_DERNIERS_MOIS -> number == 0 && year == 0;
        };
        if (!valid) {
            throw new IllegalArgumentException("Invalid period " + kind + " " + year + " " + number);
        }
    }

    /**
     * The period a key names.
     *
     * @throws InvalidRequest (cause INVALID_PERIOD: the request names a period the data cannot
     *                        answer) when the key is none of the four forms, or names month 13, quarter T5…
     */
    public static Period parse(String key) {
        if (key == null || key.isBlank()) {
            throw invalid("Période non précisée (" + EXPECTED + ")");
        }
        String k = key.strip();
        if (k.equals(LAST_12_MONTHS)) {
            return last12Months();
        }
        Matcher m = MONTH.matcher(k);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw invalid("Période invalide : « " + key + " » (mois " + m.group(2) + " : de 01 à 12)");
            }
            return new Period(Kind.MOIS, Integer.parseInt(m.group(1)), month);
        }
        m = QUARTER.matcher(k);
        if (m.matches()) {
            int quarter = Integer.parseInt(m.group(2));
            if (quarter < 1 || quarter > 4) {
                throw invalid("Période invalide : « " + key + " » (trimestre T" + quarter + " : de T1 à T4)");
            }
            return new Period(Kind.TRIMESTRE, Integer.parseInt(m.group(1)), quarter);
        }
        if (YEAR.matcher(k).matches()) {
            return new Period(Kind.ANNEE, Integer.parseInt(k), 0);
        }
        throw invalid("Période invalide : « " + key + " » (" + EXPECTED + ")");
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MOIS, month.getYear(), month.getMonthValue());
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Kind.TRIMESTRE, year, quarter);
    }

    public static Period year(int year) {
        return new Period(Kind.ANNEE, year, 0);
    }

    public static Period last12Months() {
        return new Period(Kind.DOUZE_DERNIERS_MOIS, 0, 0);
    }

    /** The key, as {@link #parse} reads it: 2025-03, 2025-T1, 2025, 12-derniers-mois. */
    public String key() {
        return switch (kind) {
            case MOIS -> String.format(Locale.ROOT, "%04d-%02d", year, number);
            case TRIMESTRE -> String.format(Locale.ROOT, "%04d-T%d", year, number);
            case ANNEE -> String.format(Locale.ROOT, "%04d", year);
            case DOUZE_DERNIERS_MOIS -> LAST_12_MONTHS;
        };
    }

    /** The first day of the period (for the last 12 months: the day after the same date a year before the extraction). */
    public LocalDate start(LocalDate dataDate) {
        return switch (kind) {
            case MOIS -> LocalDate.of(year, number, 1);
            case TRIMESTRE -> LocalDate.of(year, 3 * number - 2, 1);
            case ANNEE -> LocalDate.of(year, 1, 1);
            case DOUZE_DERNIERS_MOIS -> dataDate.minusYears(1).plusDays(1);
        };
    }

    /** The last day of the calendar period (the extraction date for the last 12 months). */
    public LocalDate naturalEnd(LocalDate dataDate) {
        return switch (kind) {
            case MOIS -> YearMonth.of(year, number).atEndOfMonth();
            case TRIMESTRE -> YearMonth.of(year, 3 * number).atEndOfMonth();
            case ANNEE -> LocalDate.of(year, 12, 31);
            case DOUZE_DERNIERS_MOIS -> dataDate;
        };
    }

    /** The last day whose activity is counted: the period's last day, or the extraction date for a period in progress. */
    public LocalDate end(LocalDate dataDate) {
        LocalDate end = naturalEnd(dataDate);
        return end.isAfter(dataDate) ? dataDate : end;
    }

    /** Whether the period is over at the extraction date (its last day is in the data). */
    public boolean complete(LocalDate dataDate) {
        return !naturalEnd(dataDate).isAfter(dataDate);
    }

    /** The month of a date, as a period. */
    public static Period monthOf(LocalDate date) {
        return month(YearMonth.from(date));
    }

    /** The period in French: « mars 2025 », « 1er trimestre 2025 », « année 2025 », « 12 derniers mois (du … au …) ». */
    public String label(LocalDate dataDate) {
        return switch (kind) {
            case MOIS -> MONTHS[number - 1] + " " + year;
            case TRIMESTRE -> (number == 1 ? "1er" : number + "e") + " trimestre " + year;
            case ANNEE -> "année " + year;
            case DOUZE_DERNIERS_MOIS -> "12 derniers mois (du " + start(dataDate).format(DATE) + " au "
                    + end(dataDate).format(DATE) + ")";
        };
    }

    private static InvalidRequest invalid(String message) {
        return new InvalidRequest(InvalidRequest.Cause.INVALID_PERIOD, message);
    }
}
