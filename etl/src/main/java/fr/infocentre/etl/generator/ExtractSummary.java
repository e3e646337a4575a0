package fr.infocentre.etl.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a generation produced: the manifest's content (extraction date, perimeter, row count
 * and SHA-256 of each file), plus the number of demandes simulated and purged.
 *
 * @param perimeter départements covered, empty for all France
 * @param files file name → row count and checksum, in manifest order
 */
public record ExtractSummary(LocalDate dateExtraction, List<String> perimetre, Map<String, FileInfo> fichiers,
                             long demandesSimulated, long demandesPurged) {

    /** Data rows (header excluded) and hex SHA-256 of one file. */
    public record FileInfo(long lignes, String sha256) {
    }
}
