package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.WarehouseFormat;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import fr.infocentre.warehouse.serving.Warehouses;
import io.javalin.Javalin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Serves the <i>Statistiques</i> site and its API, {@code ./infocentre serve}; once it listens,
 * prepares the rapports of the last millésime in the background ({@link Preparation}).
 */
@Command(name = "infocentre serve", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = ServeCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Serves the Statistiques site, its JSON and CSV API over the warehouse's current version.",
        exitCodeListHeading = "%nExit status (when it cannot start):%n",
        exitCodeList = {"1:the warehouse cannot be read", "2:usage error"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder.")
    private Path warehouseDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "TCP port on localhost (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    private ServeCommand() {
    }

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line of a new ServeCommand (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new ServeCommand());
    }

    /** The project version and the warehouse format read. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("serve: reads warehouse format " + WarehouseFormat.supported());
        }
    }

    /** Starts the server and returns at once (its threads keep the JVM alive). */
    @Override
    public Integer call() {
        Warehouse warehouse;
        try {
            warehouse = Warehouses.open(warehouseDir);
        } catch (WarehouseFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        Javalin app = InfocentreApp.create(warehouse).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            warehouse.close();
        }));
        System.out.println("Infocentre: http://localhost:" + app.port() + "/");
        Preparation.start(warehouse, System.out::println);
        return 0;
    }
}
