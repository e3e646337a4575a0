package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar half-year, the period of the gestionnaire's semestrial bilan ({@link DoublonsEtBilans}): written
 * {@code 2026-S1} (1 January – 30 June) or {@code 2026-S2} (1 July – 31 December).
 *
 * @param year the calendar year
 * @param half 1 or 2
 */
public record Semestre(int year, int half) {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-S(\\d)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public Semestre {
        if (year < 1 || half < 1 || half > 2) {
            throw new IllegalArgumentException("Invalid semester " + year + "-S" + half);
        }
    }

    /**
     * The semester a key names.
     *
     * @throws InvalidRequest (INVALID_PERIOD) when the key is not {@code YYYY-S1} or {@code YYYY-S2}
     */
    public static Semestre parse(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequest(InvalidRequest.Cause.INVALID_PERIOD,
                    "Semestre non précisé (attendu : 2026-S1 ou 2026-S2)");
        }
        Matcher m = KEY.matcher(key.strip());
        if (!m.matches() || !m.group(2).equals("1") && !m.group(2).equals("2")) {
            throw new InvalidRequest(InvalidRequest.Cause.INVALID_PERIOD, "Semestre invalide : « " + key
                    + " » (attendu : l'année et S1 ou S2, par exemple 2026-S1)");
        }
        return new Semestre(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The semester holding a date. */
    public static Semestre of(LocalDate date) {
        return new Semestre(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    /** 2026-S1. */
    public String key() {
        return String.format(Locale.ROOT, "%04d-S%d", year, half);
    }

    public LocalDate start() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public LocalDate end() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    /** The semester {@code k} semesters before this one (1: the previous one, 2: the same semester a year before). */
    public Semestre minus(int k) {
        int index = year * 2 + half - 1 - k;
        return new Semestre(Math.floorDiv(index, 2), Math.floorMod(index, 2) + 1);
    }

    /** Whether its last day is on or before the data's date. */
    public boolean endedBy(LocalDate dataDate) {
        return !end().isAfter(dataDate);
    }

    /**
     * The calendar year of rapport 06's diffusable version that goes with the semester: the last year ended on its
     * last day — the year itself for a second semester, the year before for a first one (rapport 06's diffusable
     * version is offered for calendar years only: a semester beside its year would give the other one by difference).
     */
    public int rapport06Year() {
        return half == 2 ? year : year - 1;
    }

    /** « 1er semestre 2026 », « 2e semestre 2026 ». */
    public String label() {
        return (half == 1 ? "1er" : "2e") + " semestre " + year;
    }

    /** « 1er semestre 2026 (du 01/01/2026 au 30/06/2026) ». */
    public String longLabel() {
        return label() + " (du " + start().format(DATE) + " au " + end().format(DATE) + ")";
    }
}
