package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seeded synthetic SNE extract generator: writes an extract folder exactly as described in
 * extract-format.md (manifest.json, guichets.csv, demandes.csv, evenements.csv,
 * attributions.csv), with volumes and shapes calibrated on published national figures
 * (docs/calibration.md; see CALIBRATION.md).
 *
 * <h2>History</h2>
 * The simulation files demandes from {@link Calibration#SIMULATION_START} (2009), early
 * enough for the stock to reach a steady state well before 2019 ({@link World}). The result is a
 * <em>historical extract</em> of the extraction date {@code until}: it holds every demande
 * registered by {@code until} and still active then, plus every demande radiated on or after
 * {@code historyFrom} (default 2019-01-01), with their events, attributions and attributes as
 * they stood on {@code until}. Demandes radiated before {@code historyFrom} are purged (neither
 * they nor their events nor their attributions are written), as the real SNE purges radiated
 * demandes about a year after radiation: {@code historyFrom = until − 364 days} gives exactly the
 * weekly extract of that day ({@link WeeklyGenerator}). Stocks at any date on or after
 * {@code historyFrom − 1 day} can therefore be rebuilt exactly from the events.
 *
 * <h2>Determinism and memory</h2>
 * Demandes are generated in filing-date order; each one's random streams are derived from
 * (seed, demande index), its whole life is simulated at once and its rows are written
 * immediately, so memory stays flat whatever the scale and the same options always give
 * byte-identical files. Nothing depends on the wall clock, the locale or hash ordering, and a
 * demande's life does not depend on {@code until}.
 */
public final class Generator {

    private final GeneratorOptions options;
    private final World world;

    public Generator(GeneratorOptions options) {
        this.options = options;
        this.world = new World(options.scale(), options.seed(), options.departements());
    }

    /** Generates the extract into {@code dir} (created if needed) and returns its manifest content. */
    public ExtractSummary writeTo(Path dir) throws IOException {
        return writeTo(dir, progress -> { });
    }

    /** As {@link #writeTo(Path)}, reporting progress lines every few seconds. */
    public ExtractSummary writeTo(Path dir, Consumer<String> progress) throws IOException {
        Extraction extraction = new Extraction(options.until(), options.historyFrom(), dir);
        return ExtractSet.write(world, List.of(extraction), progress).get(0);
    }
}
