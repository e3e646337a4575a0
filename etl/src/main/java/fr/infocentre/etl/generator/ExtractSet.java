package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several extracts of one {@link World} written in a single pass: each demande, simulated once,
 * is written to every extract that holds it, as that extract's day shows it. An extract of day D
 * holds every demande registered by D but those whose radiation shown on D is dated before its
 * history-from (purged), with the events, attribution and situation of that day.
 */
final class ExtractSet implements World.Sink, AutoCloseable {

    private final List<Target> targets = new ArrayList<>();
    private final CsvRow row = new CsvRow();

    /** One extract being written. */
    private static final class Target {
        final Extraction extraction;
        final int day;
        final int historyFrom;
        final ExtractWriter writer;
        long purged;

        Target(Extraction extraction, ExtractWriter writer) {
            this.extraction = extraction;
            this.day = Dates.of(extraction.date());
            this.historyFrom = Dates.of(extraction.historyFrom());
            this.writer = writer;
        }
    }

    private ExtractSet(List<Extraction> extractions, List<Guichet> guichets) throws IOException {
        for (Extraction e : extractions) {
            Files.createDirectories(e.dir());
            Target target = new Target(e, new ExtractWriter(e.dir()));
            targets.add(target);
            target.writer.guichets(guichets, target.day);
        }
    }

    /** Writes {@code extractions} (folders created if needed) from {@code world}; returns their manifests' content. */
    static List<ExtractSummary> write(World world, List<Extraction> extractions, Consumer<String> progress)
            throws IOException {
        LocalDate last = extractions.stream().map(Extraction::date).max(LocalDate::compareTo).orElseThrow();
        long simulated;
        ExtractSet set = new ExtractSet(extractions, world.guichets());
        try (set) {
            simulated = world.run(last, set, progress);
        }
        List<ExtractSummary> summaries = new ArrayList<>();
        for (Target t : set.targets) {
            ExtractSummary summary = new ExtractSummary(t.extraction.date(), world.departements(), t.writer.files(),
                    simulated, t.purged);
            ManifestWriter.write(t.extraction.dir(), summary);
            summaries.add(summary);
        }
        return summaries;
    }

    @Override
    public void accept(Demande demande, Life life) throws IOException {
        DemandeRows rows = new DemandeRows(row, demande, life);
        for (Target t : targets) {
            if (life.endedBefore(t.historyFrom, t.day)) {
                t.purged++;
                continue;
            }
            Life.Snapshot shown = life.at(t.day);
            if (shown == null) {
                continue;
            }
            if (shown.dateRadiation() >= 0 && shown.dateRadiation() < t.historyFrom) {
                t.purged++;
            } else {
                t.writer.demande(rows, shown);
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Target t : targets) {
            try {
                t.writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
