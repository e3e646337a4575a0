package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.AccountException;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.Geography;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Semestre;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The gestionnaire's semestrial bilan of a département, {@code ./infocentre bilan}: reads the weekly warehouse's
 * latest load and writes {@code bilan-<dep>-<semestre>.pdf} and {@code .xlsx} into {@code --out} (the same files as
 * the espace's button, docs/gestion.md "Bilan semestriel"), every figure protected by the secret statistique. With
 * {@code --accounts}, the production is recorded in the audit log as {@code cli:<user>}.
 */
@Command(name = "infocentre bilan", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Writes the semestrial bilan of a département for its partners, bilan-<dep>-<semestre>.pdf and"
                + " .xlsx: key figures of the semester and their evolution, rapport 06 (diffusable version), the flagged"
                + " guichets and the doublons per guichet, protected by the secret statistique (docs/gestion.md).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "1:refused (a semester not ended or not covered by the data, a département outside"
                + " the data) or failed (the warehouse, the output folder or the account store cannot be used)",
                "2:usage error (an option missing or malformed)"})
public final class BilanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "The weekly warehouse (./infocentre etl): its latest load is read.")
    private Path warehouseDir;

    @Option(names = "--departement", required = true, paramLabel = "CODE", description = "INSEE code of the département, e.g. 06.")
    private String departement;

    @Option(names = "--semestre", required = true, paramLabel = "YYYY-S1|S2",
            description = "The semester, ended at the data's date, e.g. 2026-S1 (January–June) or 2026-S2 (July–December).")
    private String semestre;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the two files into (created if needed).")
    private Path out;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Account store of the espace gestionnaire: records the production in its audit log.")
    private Path accountsFile;

    private final Clock clock;

    private BilanCommand(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    /** The command line on a clock (tests give theirs). */
    public static CommandLine commandLine(Clock clock) {
        return new CommandLine(new BilanCommand(clock));
    }

    /** The project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines();
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String dep = departement.strip().toUpperCase(Locale.ROOT);
        if (Geography.france().departement(dep).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--departement': unknown"
                    + " département code '" + departement + "' (an INSEE code: 06, 2A, 974…)");
        }
        try {
            Semestre.parse(semestre);
        } catch (InvalidRequest e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--semestre': " + e.getMessage());
        }
        Accounts accounts = null;
        if (accountsFile != null) {
            try {
                accounts = Accounts.open(accountsFile);
            } catch (AccountException | IllegalStateException e) {
                err.println("error: --accounts: " + e.getMessage());
                return 1;
            }
        }
        BilanFiles files;
        try (RestrictedWarehouse warehouse = RestrictedWarehouses.open(warehouseDir)) {
            files = BilanFiles.of(warehouse, dep, semestre, clock);
        } catch (InvalidRequest e) {
            String option = e.motif() == InvalidRequest.Cause.UNKNOWN_TERRITOIRE ? "--departement" : "--semestre";
            err.println("refused: " + option + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException | WarehouseFormatException | java.io.UncheckedIOException e) {
            err.println("error: --warehouse: " + e.getMessage());
            return 1;
        }
        Path pdf = out.resolve(files.pdfName());
        Path xlsx = out.resolve(files.xlsxName());
        try {
            Files.createDirectories(out);
            write(pdf, files.pdf());
            write(xlsx, files.xlsx());
        } catch (IOException e) {
            err.println("error: --out: cannot write into " + out + ": " + e.getMessage());
            return 1;
        }
        if (accounts != null) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            parameters.put("departement", List.of(dep));
            parameters.put("semestre", List.of(files.pack().semestre().key()));
            parameters.put("out", List.of(out.toAbsolutePath().toString()));
            accounts.audit().record(new AuditEntry(clock.instant(), "cli:" + System.getProperty("user.name", "?"),
                    "export", "bilan", parameters, files.pack().rows(), null, null));
        }
        stdout.printf(Locale.ROOT, "Bilan %s, %s (data of %s): %s (%d bytes), %s (%d bytes)%n", files.pack().territoire(),
                files.pack().semestre().label(), files.pack().dataDate(), pdf, files.pdf().length, xlsx, files.xlsx().length);
        return 0;
    }

    /** Writes a file aside, then moves it in place: a reader never sees half a file. */
    private static void write(Path target, byte[] content) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.write(part, content);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
