package fr.infocentre.etl;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one load did.
 *
 * @param version         name of the warehouse version created (e.g. {@code v20251228T153012Z}), or
 *                        of the one already serving the extract
 * @param dateExtraction  date of the extract, from its manifest
 * @param alreadyLoaded   the extract was the one last loaded: nothing was written
 * @param rowsWritten     rows written per table (demandes, evenements, periodes, …, quarantaine)
 * @param rowsQuarantined rows rejected per extract file (demandes.csv, …)
 * @param merge           per extract file, how its rows went into the history (load.json's {@code fusion})
 * @param seconds         wall-clock duration of the load
 */
public record LoadReport(String version,
                         LocalDate dateExtraction,
                         boolean alreadyLoaded,
                         Map<String, Long> rowsWritten,
                         Map<String, Long> rowsQuarantined,
                         Map<String, Map<String, Long>> merge,
                         double seconds) {

    /** The report of an extract already loaded, which changes nothing. */
    static LoadReport alreadyLoaded(String version, LocalDate dateExtraction, double seconds) {
        return new LoadReport(version, dateExtraction, true, Map.of(), Map.of(), Map.of(), seconds);
    }
}
