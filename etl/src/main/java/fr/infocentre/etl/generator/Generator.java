package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Seeded synthetic SNE extract generator: writes an extract folder exactly as described in
 * extract-format.md (manifest.json, guichets.csv, demandes.csv, evenements.csv,
 * attributions.csv), with volumes and shapes calibrated on published national figures
 * (docs/calibration.md; see CALIBRATION.md).
 *
 * <h2>History</h2>
 * The simulation files demandes from {@link Calibration#SIMULATION_START} (2009), early
 * enough for the stock to reach a steady state well before 2019, and runs up to the
 * extraction date {@code until}. The result is a <em>historical initial extract</em>: it holds
 * every demande still active at {@code until}, plus every demande radiated on or after
 * {@code historyFrom} (default 2019-01-01), with all their events and attributions. Demandes
 * radiated before {@code historyFrom} are purged (neither they nor their events nor their
 * attributions are written), as the real SNE purges radiated demandes about a year after
 * radiation: {@code historyFrom = until − 1 year} mimics a weekly extract. Stocks at any date
 * on or after {@code historyFrom − 1 day} can therefore be rebuilt exactly from the events.
 *
 * <h2>Determinism and memory</h2>
 * Demandes are generated in filing-date order; each one's random stream is derived from
 * (seed, demande index), its whole life is simulated at once and its rows are written
 * immediately, so memory stays flat whatever the scale and the same options always give
 * byte-identical files. Nothing depends on the wall clock, the locale or hash ordering.
 */
public final class Generator {

    private static final long PROGRESS_NANOS = 3_000_000_000L;

    private final GeneratorOptions options;
    private final ReferenceData reference;

    public Generator(GeneratorOptions options) {
        this.options = options;
        this.reference = ReferenceData.load();
        Set<String> known = new TreeSet<>();
        reference.communes().forEach(c -> known.add(c.departement()));
        for (String d : options.departements()) {
            if (!known.contains(d)) {
                throw new IllegalArgumentException("unknown département: " + d);
            }
        }
    }

    /** Generates the extract into {@code dir} (created if needed) and returns its manifest content. */
    public ExtractSummary writeTo(Path dir) throws IOException {
        return writeTo(dir, progress -> { });
    }

    /** As {@link #writeTo(Path)}, reporting progress lines every few seconds. */
    public ExtractSummary writeTo(Path dir, Consumer<String> progress) throws IOException {
        Files.createDirectories(dir);
        int until = Dates.of(options.until());
        int historyFrom = Dates.of(options.historyFrom());
        int start = Dates.of(Calibration.SIMULATION_START);
        CommuneSampler communes = new CommuneSampler(reference.communes(), new TreeSet<>(options.departements()));
        GuichetNetwork guichets = new GuichetNetwork(communes, options.scale(), options.seed(), options.until());
        HouseholdSampler households = new HouseholdSampler(reference.plafonds());
        DemandeFactory factory = new DemandeFactory(communes, guichets, households, reference, options.seed(), until);
        LifeSimulator simulator = new LifeSimulator(guichets, households,
                new AttributionFactory(communes, guichets, options.seed()), until);
        FilingSchedule schedule = new FilingSchedule(options.scale(), communes.perimeterShare());

        long index = 0;
        long simulated = 0;
        long purged = 0;
        long nextReport = System.nanoTime() + PROGRESS_NANOS;
        ExtractWriter writer = new ExtractWriter(dir);
        try (writer) {
            writer.guichets(guichets.all());
            for (int day = start; day <= until; day++) {
                int count = schedule.filings(day);
                for (int k = 0; k < count; k++) {
                    SplittableRandom rng = new SplittableRandom(Draw.mix(options.seed(), index));
                    Demande demande = factory.create(rng, index, day);
                    if (demande != null) {
                        Demande duplicate = factory.duplicateOf(rng, index, demande);
                        purged += simulate(simulator, writer, rng, demande, historyFrom);
                        simulated++;
                        if (duplicate != null) {
                            purged += simulate(simulator, writer, rng, duplicate, historyFrom);
                            simulated++;
                        }
                    }
                    index++;
                }
                if (System.nanoTime() > nextReport) {
                    nextReport = System.nanoTime() + PROGRESS_NANOS;
                    progress.accept(String.format(Locale.ROOT, "%s: %,d demandes simulated, %,d written (%.0f %% of the filing period)",
                            LocalDate.ofEpochDay(day), simulated, writer.demandesWritten(),
                            100.0 * (day - start) / (until - start)));
                }
            }
        }
        ExtractSummary summary = new ExtractSummary(options.until(), options.departements(), writer.files(),
                simulated, purged);
        ManifestWriter.write(dir, summary);
        return summary;
    }

    /** Simulates one demande and writes it unless purged; returns 1 if purged, else 0. */
    private static int simulate(LifeSimulator simulator, ExtractWriter writer, SplittableRandom rng, Demande d,
                                int historyFrom) throws IOException {
        Life life = simulator.simulate(rng, d);
        if (life.active() || life.dateRadiation() >= historyFrom) {
            writer.demande(d, life);
            return 0;
        }
        return 1;
    }
}
