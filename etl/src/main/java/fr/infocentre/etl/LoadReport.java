package fr.infocentre.etl;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one load wrote.
 *
 * @param version         name of the warehouse version created (e.g. {@code v20251228T153012Z})
 * @param dateExtraction  date of the extract, from its manifest
 * @param rowsWritten     rows written per table (demandes, evenements, periodes, …, quarantaine)
 * @param rowsQuarantined rows rejected per extract file (demandes.csv, …)
 * @param seconds         wall-clock duration of the load
 */
public record LoadReport(String version,
                         LocalDate dateExtraction,
                         Map<String, Long> rowsWritten,
                         Map<String, Long> rowsQuarantined,
                         double seconds) {
}
