package fr.infocentre.etl.generator;

import fr.infocentre.warehouse.format.ProjectVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Command line of the synthetic SNE extract generator, plus {@code --help} and {@code --version}:
 * <ul>
 *   <li>{@code --scale S --seed N --until YYYY-MM-DD [--departements 06,13] [--history-from YYYY-MM-DD] --out DIR}
 *   writes one historical extract ({@link Generator});</li>
 *   <li>{@code --weekly --from YYYY-MM-DD --to YYYY-MM-DD --scale S --seed N [--departements 06,13]
 *   [--history-from YYYY-MM-DD] --out DIR} writes the extract of every Sunday between the two dates
 *   into {@code DIR/extract-YYYY-MM-DD/} ({@link WeeklyGenerator}).</li>
 * </ul>
 * Exit code 0 written (or help, version), 2 on a usage error (the message names the missing,
 * unknown, malformed or misplaced option), 1 on a failure.
 */
@Command(name = "infocentre generate", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = GenerateCommand.Version.class, sortOptions = false,
        customSynopsis = {
            "@|bold infocentre generate|@ [-hV] --scale S --seed N --until YYYY-MM-DD",
            "         [--departements 06,13] [--history-from YYYY-MM-DD] --out DIR",
            "   or: @|bold infocentre generate|@ [-hV] --weekly --from YYYY-MM-DD --to YYYY-MM-DD",
            "         --scale S --seed N [--departements 06,13] [--history-from YYYY-MM-DD]",
            "         --out DIR"},
        description = {"Writes a synthetic SNE extract (format sne-extract v1: manifest.json and four CSV files):"
                + " every demande active at --until plus every demande radiated since --history-from. The same"
                + " options always give byte-identical files, and a demande is the same whatever the dates asked.",
            "With --weekly, writes the extract of every Sunday from --from to --to (both included; they need"
                + " not be Sundays) into DIR/extract-YYYY-MM-DD/, each holding what the SNE holds that day: a"
                + " demande radiated on day R is purged from the extracts of R + 365 days on, and its attributes"
                + " are those of that day. The extract of Sunday D is byte for byte the one --until D"
                + " --history-from (D - 364 days) writes."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:extract written", "1:generation failed", "2:usage error"})
public final class GenerateCommand implements Callable<Integer> {

    private static final String HISTORY_FROM = "--history-from";

    @Option(names = "--scale", required = true, paramLabel = "S",
            description = "Volume relative to France, in ]0, 20]: 1 is France's volume, 0.1 a tenth.")
    private double scale;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of every random draw.")
    private long seed;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "Extraction date: nothing after it is written (required without --weekly, refused with it).")
    private LocalDate until;

    @Option(names = "--weekly", description = "Write the weekly extracts of the Sundays from --from to --to.")
    private boolean weekly;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "With --weekly: the first Sunday is this day or the next Sunday.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "With --weekly: the last Sunday is this day or the Sunday before.")
    private LocalDate to;

    @Option(names = "--departements", paramLabel = "06,13",
            description = "Perimeter: comma-separated département codes (default: all of France).")
    private String departements;

    @Option(names = HISTORY_FROM, paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "Demandes radiated before this date are purged from the extract (default: ${DEFAULT-VALUE})."
                    + " With --weekly, the first extract holds every demande radiated since this date (a historical"
                    + " initial extract; default: the SNE's purge, as every later extract).")
    private LocalDate historyFrom = GeneratorOptions.DEFAULT_HISTORY_FROM;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write; created if needed. With --weekly, the folder of the extracts' folders.")
    private Path out;

    @Spec
    private CommandSpec spec;

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses {@code args} and generates the extract; returns the exit status. */
    static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The command line of a new GenerateCommand (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new GenerateCommand());
    }

    /** The project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("generate: writes extract format sne-extract version 1");
        }
    }

    /** A date written YYYY-MM-DD. */
    static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
            }
        }
    }

    @Override
    public Integer call() {
        List<String> perimetre = departements == null ? List.of()
                : Arrays.stream(departements.split(",")).map(String::trim).toList();
        return weekly ? weekly(perimetre) : historical(perimetre);
    }

    private int historical(List<String> perimetre) {
        if (from != null || to != null) {
            throw new ParameterException(spec.commandLine(), "--from and --to go with --weekly only");
        }
        if (until == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--until YYYY-MM-DD'");
        }
        Generator generator;
        try {
            generator = new Generator(new GeneratorOptions(scale, seed, until, perimetre, historyFrom));
        } catch (IllegalArgumentException e) {
            throw usageError(e); // e.g. an unknown département
        }
        try {
            long started = System.nanoTime();
            ExtractSummary summary = generator.writeTo(out, System.err::println);
            System.err.printf(Locale.ROOT, "extract written to %s in %.1f s (%,d demandes simulated, %,d purged)%n",
                    out, seconds(started), summary.demandesSimulated(), summary.demandesPurged());
            summary.fichiers().forEach((file, info) ->
                    System.err.printf(Locale.ROOT, "  %-17s %,12d rows%n", file, info.lignes()));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("generation failed: " + e);
            return 1;
        }
    }

    private int weekly(List<String> perimetre) {
        if (until != null) {
            throw new ParameterException(spec.commandLine(),
                    "--until cannot be used with --weekly: the extracts are those of the Sundays from --from to --to");
        }
        List<String> missing = new ArrayList<>();
        if (from == null) {
            missing.add("--from");
        }
        if (to == null) {
            missing.add("--to");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--weekly needs --from and --to (missing: " + String.join(", ", missing) + ")");
        }
        boolean initialHistory = spec.commandLine().getParseResult().hasMatchedOption(HISTORY_FROM);
        WeeklyOptions options;
        WeeklyGenerator generator;
        try {
            options = new WeeklyOptions(scale, seed, from, to, perimetre, initialHistory ? historyFrom : null);
            generator = new WeeklyGenerator(options);
        } catch (IllegalArgumentException e) {
            throw usageError(e);
        }
        try {
            long started = System.nanoTime();
            List<LocalDate> sundays = options.sundays();
            System.err.printf(Locale.ROOT, "weekly extracts of the %d Sundays from %s to %s%n", sundays.size(),
                    sundays.get(0), sundays.get(sundays.size() - 1));
            List<ExtractSummary> summaries = generator.writeTo(out, System.err::println);
            System.err.printf(Locale.ROOT, "%d extracts written to %s in %.1f s (%,d demandes simulated)%n",
                    summaries.size(), out, seconds(started), summaries.get(summaries.size() - 1).demandesSimulated());
            for (ExtractSummary summary : summaries) {
                System.err.printf(Locale.ROOT, "  %s %s%n", WeeklyGenerator.folderName(summary.dateExtraction()),
                        rows(summary));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("generation failed: " + e);
            return 1;
        }
    }

    private static String rows(ExtractSummary summary) {
        StringBuilder line = new StringBuilder();
        summary.fichiers().forEach((file, info) -> line.append(String.format(Locale.ROOT, "%,10d %s",
                info.lignes(), file.replace(".csv", ""))));
        return line.append(String.format(Locale.ROOT, " (%,d purged)", summary.demandesPurged())).toString();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Options that parse but cannot be generated: exit 2 with the message and the usage, as a parse error. */
    private ParameterException usageError(IllegalArgumentException e) {
        return new ParameterException(spec.commandLine(), "Invalid options: " + e.getMessage(), e);
    }
}
