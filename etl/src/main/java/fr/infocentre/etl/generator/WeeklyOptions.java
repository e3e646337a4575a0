package fr.infocentre.etl.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Parameters of a series of weekly extracts: one per Sunday from {@code from} to {@code to}, both
 * included ({@code from} and {@code to} need not be Sundays), each holding what the SNE holds that
 * day. The SNE purges a radiated demande on the first Sunday at least {@value #PURGE_DAYS} days
 * after its radiation: the extract of Sunday D holds the demandes radiated on or after
 * D − {@value #PURGE_DAYS} + 1 days, which is the historical extract of {@code until} D with
 * {@code historyFrom} D − 364 days.
 *
 * @param historyFrom null, or the first extract is a historical initial extract holding every
 *                    demande radiated since this date (at least {@value #PURGE_DAYS} − 1 days before
 *                    the first Sunday, so that it holds at least what the SNE holds)
 */
public record WeeklyOptions(double scale, long seed, LocalDate from, LocalDate to, List<String> departements,
                            LocalDate historyFrom) {

    /** Days after its radiation from which a radiated demande is purged. */
    public static final int PURGE_DAYS = 365;

    public WeeklyOptions {
        departements = List.copyOf(departements);
        GeneratorOptions.checkWorld(scale, departements);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        LocalDate first = firstSunday(from);
        if (first.isAfter(to)) {
            throw new IllegalArgumentException("no Sunday from " + from + " to " + to);
        }
        if (!first.isAfter(GeneratorOptions.FIRST_EXTRACTION)) {
            throw new IllegalArgumentException("the first Sunday " + first + " must be after "
                    + GeneratorOptions.FIRST_EXTRACTION);
        }
        if (historyFrom != null && historyFrom.isAfter(purgedBefore(first))) {
            throw new IllegalArgumentException("history-from " + historyFrom + " is after " + purgedBefore(first)
                    + ": the first extract, of " + first + ", would hold less than the SNE holds");
        }
    }

    /** The Sundays of the series, in order. */
    public List<LocalDate> sundays() {
        return firstSunday(from).datesUntil(to.plusDays(1), Period.ofWeeks(1)).toList();
    }

    /** The history-from of the historical extract that equals this series' extract of {@code sunday}. */
    public LocalDate historyFrom(LocalDate sunday) {
        return historyFrom != null && sunday.equals(firstSunday(from)) ? historyFrom : purgedBefore(sunday);
    }

    /** Demandes radiated before the returned day are purged from the extract of {@code day}. */
    private static LocalDate purgedBefore(LocalDate day) {
        return day.minusDays(PURGE_DAYS - 1);
    }

    private static LocalDate firstSunday(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
}
