package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the series of Sunday extracts a real SNE would hand over ({@link WeeklyOptions}): one
 * folder {@code extract-YYYY-MM-DD} per Sunday, each a complete extract holding what the SNE holds
 * that day. The world is simulated once for the whole series (once per {@value #EXTRACTS_PER_PASS}
 * Sundays, to bound the files open at once) and each demande is written to every extract
 * as that Sunday shows it, so the extract of Sunday D is byte for byte the historical extract of
 * {@code until} D with the history-from {@link WeeklyOptions#historyFrom(LocalDate)} gives.
 */
public final class WeeklyGenerator {

    /** Extracts written in one simulation pass (4 files open each). */
    static final int EXTRACTS_PER_PASS = 64;

    private final WeeklyOptions options;
    private final World world;

    public WeeklyGenerator(WeeklyOptions options) {
        this.options = options;
        this.world = new World(options.scale(), options.seed(), options.departements());
    }

    /** The folder, under the series' folder, of the extract of {@code sunday}. */
    public static String folderName(LocalDate sunday) {
        return "extract-" + sunday;
    }

    /** Writes every extract of the series under {@code dir}; returns their manifests' content, in date order. */
    public List<ExtractSummary> writeTo(Path dir, Consumer<String> progress) throws IOException {
        List<Extraction> extractions = new ArrayList<>();
        for (LocalDate sunday : options.sundays()) {
            extractions.add(new Extraction(sunday, options.historyFrom(sunday), dir.resolve(folderName(sunday))));
        }
        List<ExtractSummary> summaries = new ArrayList<>();
        for (int from = 0; from < extractions.size(); from += EXTRACTS_PER_PASS) {
            List<Extraction> pass = extractions.subList(from, Math.min(extractions.size(), from + EXTRACTS_PER_PASS));
            summaries.addAll(ExtractSet.write(world, pass, progress));
        }
        return summaries;
    }
}
