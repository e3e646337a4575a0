package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The units behind an indicator of a guichet for a period ({@link GuichetActivity#demandesBehind}):
 * the demandes (or their events, or their attributions) that its count counts, with the fields that
 * explain a flag. Its rows are exactly the rows the count counts (the same SQL rows).
 *
 * @param indicator the indicator asked
 * @param guichet   the guichet
 * @param start     first day of the period
 * @param end       last day counted
 * @param dataDate  the extraction date
 * @param fields    the columns of each row: numero_unique, then the explaining fields, with French labels
 * @param rows      field key → value ({@link String}, {@link Long}, {@link Boolean}, {@link LocalDate} or
 *                  null), sorted; at most the limit asked
 * @param total     how many units there are (the indicator's count, or its numerator for a rate)
 * @param truncated whether rows holds fewer than total
 */
public record DemandeList(Indicator indicator, Guichet guichet, Period period, LocalDate start, LocalDate end,
                          LocalDate dataDate, List<Field> fields, List<Map<String, Object>> rows, long total,
                          boolean truncated) {

    /** A column of the list. */
    public record Field(String key, String label) {
    }
}
