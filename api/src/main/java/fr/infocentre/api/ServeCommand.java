package fr.infocentre.api;

import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.release.ReleaseStore;
import io.javalin.Javalin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Serves the <i>Statistiques</i> site and its API from the releases, {@code ./infocentre serve}:
 * nothing is computed, nothing is prepared; it answers as soon as it listens.
 */
@Command(name = "infocentre serve", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = ServeCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Serves the Statistiques site, its JSON, CSV, XLSX and PDF API from the releases"
                + " (./infocentre publier): every millésime released, read-only; a new release appears without restart.",
        exitCodeListHeading = "%nExit status (when it cannot start):%n",
        exitCodeList = {"1:the releases folder cannot be read", "2:usage error"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--releases", required = true, paramLabel = "DIR", description = "Folder of the releases.")
    private Path releasesDir;

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

    /** The project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines();
        }
    }

    /** Starts the server and returns at once (its threads keep the JVM alive). */
    @Override
    public Integer call() {
        long start = System.nanoTime();
        Releases releases;
        try {
            releases = ReleaseStore.open(releasesDir);
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        Javalin app = InfocentreApp.create(releases).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            releases.close();
        }));
        System.out.printf(Locale.ROOT, "Infocentre: http://localhost:%d/ (millésimes %s, started in %.1f s)%n", app.port(),
                releases.millesimes(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
