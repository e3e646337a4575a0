package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.WarehouseFormat;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Command line of the release of a millésime ({@link ReleasePublisher}), {@code ./infocentre publier}.
 * Progress and a final summary on stderr. Exit status 0 published (or help, version), 1 on a
 * failure, 2 on a usage error or a year the data does not cover, 3 when the release is refused
 * (already published, or its audit failed).
 */
@Command(name = "infocentre publier", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = PublishCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Releases millésime N into DIR/N/<edition>/: every public rapport for every territory of every"
                + " level it is published at, protected by the secret statistique and audited first, as JSON and CSV,"
                + " with index.json and release.json (metadata, protection, checksums); read-only, never overwritten.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:published", "1:publication failed", "2:usage error, or a year the data does not cover",
                "3:refused: already published (without --republier), or the audit failed"})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder.")
    private Path warehouseDir;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Years years;

    /** One millésime, or every millésime the data covers. */
    static final class Years {
        @Option(names = "--annee", required = true, paramLabel = "N", description = "The millésime to publish.")
        private Integer millesime;

        @Option(names = "--tous-les-millesimes", required = true,
                description = "Every millésime the data covers, oldest first; those already released are kept as they are.")
        private boolean all;
    }

    @Option(names = "--releases", required = true, paramLabel = "DIR", description = "Folder of the releases.")
    private Path releases;

    @Option(names = "--republier", paramLabel = "REASON",
            description = "Republish a millésime already released, for this reason: adds a new edition, keeps the previous one.")
    private String republication;

    @Option(names = "--rapports", split = ",", paramLabel = "ID",
            description = "Only these rapports, comma-separated, e.g. TAB03-02,TAB04-10 (default: the whole public catalogue).")
    private List<String> rapports = new ArrayList<>();

    @Option(names = "--niveaux", split = ",", paramLabel = "LEVEL", converter = LevelKey.class,
            description = "Only these levels: national, region, departement, epci, commune (default: all).")
    private List<Level> levels = new ArrayList<>();

    private PublishCommand() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of a new PublishCommand (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new PublishCommand());
    }

    /** The project version and the warehouse format read. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("publier: reads warehouse format " + WarehouseFormat.supported());
        }
    }

    /** A level given by its key, as in a URL. */
    static final class LevelKey implements ITypeConverter<Level> {
        @Override
        public Level convert(String key) {
            return Level.byKey(key.trim()).orElseThrow(() -> new TypeConversionException(
                    "unknown level '" + key + "' (national, region, departement, epci or commune)"));
        }
    }

    @Override
    public Integer call() {
        List<String> ids = rapports.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Optional<String> reason = Optional.ofNullable(republication).map(String::strip).filter(s -> !s.isEmpty());
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            List<Integer> chosen = years.all ? warehouse.millesimes() : List.of(years.millesime);
            for (int millesime : chosen) {
                if (years.all && ReleaseLayout.current(releases, millesime).isPresent() && reason.isEmpty()) {
                    err().printf(Locale.ROOT, "millésime %d already released: kept as it is%n", millesime);
                    continue;
                }
                release(warehouse, new Publication.Options(millesime, ids, levels), reason);
            }
            return 0;
        } catch (ReleaseRefused e) {
            err().println("refused: " + e.getMessage());
            return 3;
        } catch (InvalidRequest e) {
            err().println("error: " + e.getMessage());
            return 2;
        } catch (WarehouseFormatException e) {
            err().println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err().println("publication failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private void release(DuckDbWarehouse warehouse, Publication.Options options, Optional<String> reason) {
        err().printf(Locale.ROOT, "releasing millésime %d of %s into %s%n", options.millesime(), warehouseDir,
                releases);
        ReleasePublisher.Released r = ReleasePublisher.publish(warehouse, releases, options, reason, System.err);
        err().printf(Locale.ROOT, "released millésime %d, edition %d: %d rapports, %,d tables (audit %.1f s,"
                        + " publication %.1f s) into %s%n", options.millesime(), r.edition(), r.publication().rapports(),
                r.publication().tables(), r.auditSeconds(), r.publication().seconds() - r.auditSeconds(), r.folder());
    }

    /** Messages go through picocli (tests read them); the publication's progress goes to stderr. */
    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
