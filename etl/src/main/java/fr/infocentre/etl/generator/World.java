package fr.infocentre.etl.generator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The synthetic SNE of one seed, scale and perimeter: its guichets, and its demandes filed day
 * after day from {@link Calibration#SIMULATION_START}, each simulated at once over its whole life.
 *
 * <p>Nothing here depends on an extraction date. Demande number {@code index} (in filing order)
 * draws everything from its own streams, derived from (seed, index): its registration, household
 * and life from the first, its situation changes from a second (a possible duplicate demande of
 * the same applicant continues the first stream after the original's life, and has its own
 * changes stream). The filing schedule, the guichets and the communes are fixed by the seed,
 * scale and perimeter. So a demande filed on a day is the same in every extract of the seed, and
 * an extract of day D is what the world holds on D ({@link Life#at}).
 */
final class World {

    private static final long PROGRESS_NANOS = 3_000_000_000L;
    private static final long CHANGES_STREAM = 0x5EED_C4A2_6E5L;

    private final double scale;
    private final long seed;
    private final List<String> departements;
    private final CommuneSampler communes;
    private final GuichetNetwork guichets;
    private final DemandeFactory factory;
    private final LifeSimulator simulator;

    /** Receives each demande with its whole life, in filing order. */
    interface Sink {
        void accept(Demande demande, Life life) throws IOException;
    }

    World(double scale, long seed, List<String> departements) {
        this.scale = scale;
        this.seed = seed;
        this.departements = List.copyOf(departements);
        ReferenceData reference = ReferenceData.load();
        Set<String> known = new TreeSet<>();
        reference.communes().forEach(c -> known.add(c.departement()));
        for (String d : departements) {
            if (!known.contains(d)) {
                throw new IllegalArgumentException("unknown département: " + d);
            }
        }
        communes = new CommuneSampler(reference.communes(), new TreeSet<>(departements));
        guichets = new GuichetNetwork(communes, scale, seed);
        HouseholdSampler households = new HouseholdSampler(reference.plafonds());
        factory = new DemandeFactory(communes, guichets, households, reference, seed);
        simulator = new LifeSimulator(guichets, new SituationChanges(communes),
                new AttributionFactory(communes, guichets, seed));
    }

    /** The perimeter as asked (empty: all France). */
    List<String> departements() {
        return departements;
    }

    /** Every guichet of the perimeter, with its real opening and closing dates. */
    List<Guichet> guichets() {
        return guichets.all();
    }

    /**
     * Files the demandes of every day up to {@code lastDay} and hands each one with its whole life
     * to {@code sink}; reports progress every few seconds. Returns the number of demandes simulated.
     */
    long run(LocalDate lastDay, Sink sink, Consumer<String> progress) throws IOException {
        int start = Dates.of(Calibration.SIMULATION_START);
        int last = Dates.of(lastDay);
        FilingSchedule schedule = new FilingSchedule(scale, communes.perimeterShare());
        long index = 0;
        long simulated = 0;
        long nextReport = System.nanoTime() + PROGRESS_NANOS;
        for (int day = start; day <= last; day++) {
            int count = schedule.filings(day);
            for (int k = 0; k < count; k++) {
                SplittableRandom rng = new SplittableRandom(Draw.mix(seed, index));
                Demande demande = factory.create(rng, index, day);
                Demande duplicate = factory.duplicateOf(rng, index, demande);
                sink.accept(demande, simulator.simulate(rng, changes(2 * index), demande));
                simulated++;
                if (duplicate != null) {
                    sink.accept(duplicate, simulator.simulate(rng, changes(2 * index + 1), duplicate));
                    simulated++;
                }
                index++;
            }
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + PROGRESS_NANOS;
                progress.accept(String.format(Locale.ROOT, "%s: %,d demandes simulated (%.0f %% of the filing period)",
                        LocalDate.ofEpochDay(day), simulated, 100.0 * (day - start) / (last - start)));
            }
        }
        return simulated;
    }

    private SplittableRandom changes(long sequence) {
        return new SplittableRandom(Draw.mix(seed ^ CHANGES_STREAM, sequence));
    }
}
