package fr.infocentre.etl;

import static org.apache.spark.sql.functions.col;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.etl.history.ExtractSequence;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * Command line: {@code --extract DIR --warehouse DIR [--master local[*]|spark://host:7077]}, plus
 * {@code --help} and {@code --version}. Loads the extract, prints progress and a summary to stderr.
 * Exit status: 0 loaded (or help, version), 1 extract refused or load failed, 2 usage error (the
 * message names the missing, unknown or malformed option).
 */
@Command(name = "infocentre etl", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = EtlCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Validates an SNE extract (manifest, every row) and merges it into the warehouse's history"
                + " as a new version, which then becomes CURRENT: demandes absent from the extract (purged by the"
                + " SNE) are kept, changed attributes open a new version. Invalid rows are quarantined; a refused"
                + " extract or a failed load leaves the warehouse as it was. The same extract loaded again changes"
                + " nothing; an older one is refused.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:loaded, or already loaded", "1:extract refused or load failed", "2:usage error"})
public final class EtlCommand implements Callable<Integer> {

    private static final int REASONS_SHOWN = 5;

    @Option(names = "--extract", required = true, paramLabel = "DIR",
            description = "Folder of the SNE extract: manifest.json and its four CSV files.")
    private Path extract;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder; created if needed.")
    private Path warehouse;

    @Option(names = "--master", paramLabel = "MASTER", defaultValue = "local[*]",
            description = "Spark master: spark://host:7077 for a cluster (default: ${DEFAULT-VALUE}).")
    private String master;

    @Option(names = "--accept-perimetre",
            description = "Load an extract whose perimeter does not cover the warehouse's (the départements it"
                    + " lacks keep their history as it is).")
    private boolean acceptPerimetre;

    @Option(names = "--accept-row-drop",
            description = "Load an extract one of whose files lost more rows since the last load than --max-row-drop allows.")
    private boolean acceptRowDrop;

    @Option(names = "--max-row-drop", paramLabel = "SHARE", defaultValue = "0.10",
            description = "Share of a file's rows that may disappear from one load to the next before the extract is"
                    + " refused (default: ${DEFAULT-VALUE}).")
    private double maxRowDrop;

    @Option(names = "--history-complete-from", paramLabel = "YYYY-MM-DD",
            description = "First load only: the day from which the extract holds every demande (an initial extract"
                    + " with its history); the millésimes start on the first 1 January on or after it. Without it, the"
                    + " year of the earliest radiation held.")
    private LocalDate historyCompleteFrom;

    @Option(names = "--versions-kept", paramLabel = "K", defaultValue = "4",
            description = "Warehouse versions kept after a load, the one served included; older ones are deleted"
                    + " (default: ${DEFAULT-VALUE}).")
    private int versionsKept;

    private EtlCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses {@code args} and runs the load; returns the exit status. */
    static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The command line of a new EtlCommand (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new EtlCommand());
    }

    /** The project version and the warehouse format written. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("etl: writes warehouse format " + WarehouseFormat.supported());
        }
    }

    @Override
    public Integer call() {
        if (versionsKept < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--versions-kept must be 1 or more (the version served is always kept), not " + versionsKept);
        }
        if (maxRowDrop < 0 || maxRowDrop > 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--max-row-drop must be a share between 0 and 1, not " + maxRowDrop);
        }
        EtlJob.Options options = new EtlJob.Options(
                new ExtractSequence.Acceptance(acceptPerimetre, acceptRowDrop, maxRowDrop), versionsKept,
                LoadPauses.fromSystemProperty(), Optional.ofNullable(historyCompleteFrom));
        SparkSession spark = EtlSpark.builder("infocentre-etl", master, 8).getOrCreate();
        try {
            System.err.println("loading " + extract + " into " + warehouse + " (master " + master + ")");
            long start = System.nanoTime();
            LoadReport report = EtlJob.run(spark, extract, warehouse, step -> System.err.println(
                    String.format(Locale.ROOT, "[%6.1f s] %s", (System.nanoTime() - start) / 1e9, step)), options);
            if (report.alreadyLoaded()) {
                System.err.println("already loaded: version " + report.version() + " serves the extract of "
                        + report.dateExtraction() + "; nothing changed");
                return 0;
            }
            printSummary(spark, warehouse, report);
            return 0;
        } catch (ExtractRefused e) {
            System.err.println("REFUSED: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e);
            e.printStackTrace(System.err);
            return 1;
        } finally {
            spark.stop();
        }
    }

    private static void printSummary(SparkSession spark, Path warehouse, LoadReport report) {
        System.err.println();
        System.err.println("version " + report.version() + " (extract of " + report.dateExtraction() + ")");
        report.rowsWritten().forEach((table, rows) -> System.err.printf("  %-14s %,12d rows%n", table, rows));
        System.err.println("merged into the history, per file (fusion in load.json):");
        report.merge().forEach((file, counts) -> System.err.println("  " + file + ": " + counts.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "))));
        Path quarantaine = Table.QUARANTAINE.in(WarehouseFormat.versionDir(warehouse, report.version()));
        for (Map.Entry<String, Long> file : report.rowsQuarantined().entrySet()) {
            System.err.printf("  quarantined %-16s %,10d%n", file.getKey(), file.getValue());
            if (file.getValue() > 0) {
                List<Row> first = spark.read().parquet(quarantaine.toString())
                        .filter(col("fichier").equalTo(file.getKey())).orderBy("ligne")
                        .limit(REASONS_SHOWN).collectAsList();
                for (Row r : first) {
                    System.err.println("      ligne " + r.getAs("ligne") + ", " + r.getAs("champ") + ": "
                            + r.getAs("motif"));
                }
            }
        }
        System.err.println(String.format(Locale.ROOT, "loaded in %.1f s", report.seconds()));
    }
}
