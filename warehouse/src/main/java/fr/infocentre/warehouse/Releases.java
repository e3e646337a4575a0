package fr.infocentre.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The public read side: the millésimes released (docs/releases.md), read from their files, never
 * computed. What the Statistiques site, its API, the downloads and the open data serve. Thread-safe;
 * a millésime released after it was opened appears without reopening it. Open it with
 * {@code ReleaseStore.open(dir)}.
 * <p>
 * A release holds only the catalogue's public rapports; the catalogue, the series and the
 * territories are those of the latest release.
 */
public interface Releases extends AutoCloseable {

    /** Every rapport of the latest release, in catalogue order. */
    List<Rapport> catalogue();

    /** The series of the latest release, in catalogue order, with their French names. */
    List<Series> series();

    /** The rapport of that id in the latest release; empty for one not released. */
    Optional<Rapport> rapport(String id);

    /** The millésimes released, ascending. */
    List<Integer> millesimes();

    /** Every territory of that level of the latest release (for national: France alone), sorted by code. */
    List<Territoire> territoires(Level level);

    /**
     * The released table of a rapport for one territory and millésime, protected as published.
     *
     * @throws InvalidRequest saying which of rapport, level, code or year is wrong
     */
    RapportTable table(String rapportId, Level level, String code, int millesime);

    /** The edition served of that millésime (1, then 2 after a republication…), empty when not released. */
    OptionalInt edition(int millesime);

    /**
     * The bulk open data of the edition served of that millésime (a folder: datapackage.json and,
     * per rapport, a CSV and a Parquet file), empty when the millésime is not released.
     */
    Optional<Path> openData(int millesime);

    @Override
    void close();
}
