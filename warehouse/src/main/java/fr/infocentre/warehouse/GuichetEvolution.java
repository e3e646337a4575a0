package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * A guichet's indicators month by month ({@link GuichetActivity#evolution}), for a chart: the last
 * months up to the one holding the extraction date (in progress, counted up to that date), each
 * with the guichet's values and flags and its département's reference line. Exact figures
 * (restricted version).
 *
 * @param indicators the indicators given (all, or the one asked)
 * @param months     oldest first
 */
public record GuichetEvolution(Guichet guichet, LocalDate dataDate, List<Indicator> indicators, List<Month> months) {

    /**
     * One month.
     *
     * @param start     its first day
     * @param end       its last day counted
     * @param complete  whether it is over at the extraction date
     * @param guichet   the guichet's values and flags (only the indicators given)
     * @param reference its département's
     */
    public record Month(Period period, LocalDate start, LocalDate end, boolean complete, ActivityRow guichet,
                        ActivityRow reference) {
    }
}
