package fr.infocentre.etl.generator;

import fr.infocentre.warehouse.format.ProjectVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * Command line of the synthetic SNE extract generator:
 * {@code --scale S --seed N --until YYYY-MM-DD [--departements 06,13] [--history-from YYYY-MM-DD] --out DIR},
 * plus {@code --help} and {@code --version}. Exit code 0 written (or help, version), 2 on a usage
 * error (the message names the missing, unknown or malformed option), 1 on a failure. See
 * {@link Generator}.
 */
@Command(name = "infocentre generate", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = GenerateCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Writes a synthetic SNE extract (format sne-extract v1: manifest.json and four CSV files):"
                + " every demande active at --until plus every demande radiated since --history-from. The same"
                + " options always give byte-identical files.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:extract written", "1:generation failed", "2:usage error"})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--scale", required = true, paramLabel = "S",
            description = "Volume relative to France, in ]0, 20]: 1 is France's volume, 0.1 a tenth.")
    private double scale;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of every random draw.")
    private long seed;

    @Option(names = "--until", required = true, paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "Extraction date: nothing after it is written.")
    private LocalDate until;

    @Option(names = "--departements", paramLabel = "06,13",
            description = "Perimeter: comma-separated département codes (default: all of France).")
    private String departements;

    @Option(names = "--history-from", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "Demandes radiated before this date are purged from the extract (default: ${DEFAULT-VALUE}).")
    private LocalDate historyFrom = GeneratorOptions.DEFAULT_HISTORY_FROM;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write; created if needed.")
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
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(scale, seed, until,
                    departements == null ? List.of()
                            : Arrays.stream(departements.split(",")).map(String::trim).toList(),
                    historyFrom);
        } catch (IllegalArgumentException e) {
            throw usageError(e);
        }
        try {
            long started = System.nanoTime();
            Generator generator = new Generator(options);
            ExtractSummary summary = generator.writeTo(out, System.err::println);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf(Locale.ROOT, "extract written to %s in %.1f s (%,d demandes simulated, %,d purged)%n",
                    out, seconds, summary.demandesSimulated(), summary.demandesPurged());
            summary.fichiers().forEach((file, info) ->
                    System.err.printf(Locale.ROOT, "  %-17s %,12d rows%n", file, info.lignes()));
            return 0;
        } catch (IllegalArgumentException e) {
            throw usageError(e); // e.g. an unknown département
        } catch (IOException | RuntimeException e) {
            System.err.println("generation failed: " + e);
            return 1;
        }
    }

    /** Options that parse but cannot be generated: exit 2 with the message and the usage, as a parse error. */
    private ParameterException usageError(IllegalArgumentException e) {
        return new ParameterException(spec.commandLine(), "Invalid options: " + e.getMessage(), e);
    }
}
