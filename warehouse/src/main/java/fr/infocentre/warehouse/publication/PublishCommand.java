package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.WarehouseFormat;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import fr.infocentre.warehouse.serving.Warehouses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Command line of the publication of a millésime ({@link Publication}), {@code ./infocentre publier}.
 * Progress and a final summary on stderr. Exit status 0 published (or help, version), 1 on a
 * failure, 2 on a usage error or a year the data does not cover.
 */
@Command(name = "infocentre publier", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = PublishCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Writes millésime N as open data into DIR/N/: every rapport for every territory of every level"
                + " it is published at, protected by the secret statistique, as JSON and CSV, with index.json.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:published", "1:publication failed", "2:usage error, or a year the data does not cover"})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder.")
    private Path warehouseDir;

    @Option(names = "--annee", required = true, paramLabel = "N", description = "The millésime to publish.")
    private int millesime;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the publication.")
    private Path out;

    @Option(names = "--rapports", split = ",", paramLabel = "ID",
            description = "Only these rapports, comma-separated, e.g. TAB03-02,TAB04-10 (default: the whole public catalogue).")
    private List<String> rapports = new ArrayList<>();

    @Option(names = "--niveaux", split = ",", paramLabel = "LEVEL", converter = LevelKey.class,
            description = "Only these levels: national, region, departement, epci, commune (default: all).")
    private List<Level> levels = new ArrayList<>();

    @Option(names = "--par-territoire",
            description = "Compute territory by territory instead of level by level (slower; for comparison).")
    private boolean perTerritoire;

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
        Publication.Options options = new Publication.Options(millesime,
                rapports.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(), levels, perTerritoire);
        try (Warehouse warehouse = Warehouses.open(warehouseDir)) {
            System.err.printf(Locale.ROOT, "publishing millésime %d of %s into %s (%s)%n", millesime, warehouseDir,
                    out, perTerritoire ? "territory by territory" : "level by level");
            Publication.Summary r = Publication.publish(warehouse, out, options, System.err);
            System.err.printf(Locale.ROOT, "published %d rapports, %,d tables in %.1f s into %s%n",
                    r.rapports(), r.tables(), r.seconds(), r.folder());
            return 0;
        } catch (InvalidRequest e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (WarehouseFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("publication failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
