package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountException;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.gestion.GestionOptions;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.release.ReleaseStore;
import io.javalin.Javalin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
        footerHeading = "%n",
        footer = {"With --accounts, the espace gestionnaire is served under /gestion and /api/v1/gestion (docs/gestion.md);"
                + " without it, nothing is served there."},
        exitCodeList = {"1:the releases folder or the account store cannot be read", "2:usage error"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--releases", required = true, paramLabel = "DIR", description = "Folder of the releases.")
    private Path releasesDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "TCP port on localhost (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default: every interface; 127.0.0.1 or localhost: this machine only).")
    private String host;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Account store (./infocentre account create …): serves the espace gestionnaire, /gestion.")
    private Path accountsFile;

    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "The weekly warehouse (./infocentre etl), with --accounts: the espace gestionnaire's figures"
                    + " (rapport 06…), always from the latest load.")
    private Path warehouseDir;

    @Option(names = "--secure-cookie", paramLabel = "MODE", defaultValue = "auto",
            description = "Secure attribute of the espace gestionnaire's cookies: auto (default: on, but off when --host is"
                    + " a loopback address, for plain HTTP on this machine), on (behind an HTTPS proxy), off.")
    private CookieMode secureCookie;

    /** Whether the espace gestionnaire's cookies are {@code Secure}. */
    enum CookieMode { auto, on, off }

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
        if (warehouseDir != null && accountsFile == null) {
            releases.close();
            throw new CommandLine.ParameterException(commandLine(), "--warehouse serves the espace gestionnaire: give"
                    + " --accounts too");
        }
        Optional<GestionOptions> gestion = Optional.empty();
        if (accountsFile != null) {
            try {
                gestion = Optional.of(new GestionOptions(Accounts.open(accountsFile), secureCookies(),
                        Optional.ofNullable(warehouseDir).map(RestrictedWarehouses::follow)));
            } catch (AccountException | IllegalStateException | fr.infocentre.warehouse.format.WarehouseFormatException e) {
                releases.close();
                System.err.println("error: " + e.getMessage());
                return 1;
            }
        }
        Javalin app = InfocentreApp.create(releases, gestion);
        if (host == null) {
            app.start(port);
        } else {
            app.start(host, port);
        }
        Optional<GestionOptions> served = gestion;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            releases.close();
            served.flatMap(GestionOptions::warehouse).ifPresent(CurrentWarehouse::close);
        }));
        System.out.printf(Locale.ROOT, "Infocentre: http://%s:%d/ (millésimes %s, started in %.1f s)%n",
                host == null ? "localhost" : host, app.port(), releases.millesimes(), (System.nanoTime() - start) / 1e9);
        gestion.ifPresent(g -> System.out.printf(Locale.ROOT, "Espace gestionnaire: /gestion (accounts %s, %s cookies%s)%n",
                accountsFile, g.secureCookies() ? "Secure" : "non-Secure, plain HTTP",
                g.warehouse().map(w -> ", warehouse " + warehouseDir + " of " + w.current().dataDate()).orElse("")));
        return 0;
    }

    /** Secure cookies unless told otherwise, or in auto mode when listening on a loopback address only. */
    boolean secureCookies() {
        return switch (secureCookie) {
            case on -> true;
            case off -> false;
            case auto -> !loopback(host);
        };
    }

    /** Whether a --host value names this machine only (localhost, 127.0.0.0/8, ::1); never a DNS look-up. */
    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
