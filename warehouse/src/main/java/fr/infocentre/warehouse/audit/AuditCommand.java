package fr.infocentre.warehouse.audit;


import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.format.WarehouseFormat;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Command line of the audit ({@link Audit}), {@code ./infocentre audit}. Prints, per rapport and in
 * total, the count cells published, primary masked and secondary masked by level, the primary cells
 * the attacker pinned and the narrowest interval it left on a primary cell.
 */
@Command(name = "infocentre audit", separator = " ", mixinStandardHelpOptions = true,
        versionProvider = AuditCommand.Version.class, sortOptions = false, sortSynopsis = false,
        description = "Plays the attacker on everything published for millésime N (secret statistique): for each"
                + " rapport, protects its linked tables as published, then bounds every masked cell from the"
                + " published cells alone.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no primary cell can be pinned", "1:a primary cell is pinned, or the warehouse is unreadable",
                "2:usage error, or a rapport or year the data does not cover"})
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder.")
    private Path warehouseDir;

    @Option(names = "--annee", required = true, paramLabel = "N", description = "The millésime to audit.")
    private int millesime;

    @Option(names = "--rapports", split = ",", paramLabel = "ID",
            description = "Only these rapports, comma-separated, e.g. TAB03-02,TAB04-10 (default: the whole public catalogue).")
    private List<String> rapports = new ArrayList<>();

    private AuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of a new AuditCommand (tests redirect its output). */
    static CommandLine commandLine() {
        return new CommandLine(new AuditCommand());
    }

    /** The project version and the warehouse format read. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines("audit: reads warehouse format " + WarehouseFormat.supported());
        }
    }

    @Override
    public Integer call() {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            List<String> ids = rapports.isEmpty() ? warehouse.catalogue().stream().map(Rapport::id).toList()
                    : rapports.stream().map(String::trim).toList();
            return audit(warehouse, ids, millesime) == 0 ? 0 : 1;
        } catch (InvalidRequest e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (WarehouseFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int audit(DuckDbWarehouse warehouse, List<String> ids, int millesime) {
        System.out.printf(Locale.ROOT, "audit of millésime %d: %d rapports%n", millesime, ids.size());
        System.out.printf(Locale.ROOT, "%-9s %10s %9s %10s %7s %9s  %s%n", "rapport", "published", "primary",
                "secondary", "pinned", "compute s", "protect s / attack s / narrowest primary interval");
        Map<Level, long[]> total = new EnumMap<>(Level.class);
        Map<Level, long[]> totalLines = new EnumMap<>(Level.class);
        int disclosed = 0;
        int forced = 0;
        long narrowest = -1;
        String or = "";
        double computation = 0, protection = 0, attack = 0;
        Map<Level, long[]> bounded = new EnumMap<>(Level.class);
        for (List<String> family : Audit.families(warehouse, ids)) {
            for (Audit.Result r : Audit.audit(warehouse, family, millesime)) {
                String id = r.rapport();
                r.boundedBelowThreshold().forEach((n, c) -> {
                    long[] t = bounded.computeIfAbsent(n, k -> new long[2]);
                    t[0] += c[0];
                    t[1] += c[1];
                });
                r.totals().forEach((n, c) -> {
                    long[] t = totalLines.computeIfAbsent(n, k -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        t[i] += c[i];
                    }
                });
                long[] s = new long[3];
                r.counts().forEach((n, c) -> {
                    long[] t = total.computeIfAbsent(n, k -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        s[i] += c[i];
                        t[i] += c[i];
                    }
                });
                System.out.printf(Locale.ROOT, "%-9s %,10d %,9d %,10d %7d %9.1f  %.2f / %.2f / %s%n", id, s[0], s[1], s[2],
                        r.disclosed().size(), r.computeSeconds(), r.protectSeconds(), r.attackSeconds(),
                        r.narrowest() < 0 ? "-" : r.narrowestCell());
                r.disclosed().stream().limit(20).forEach(d -> System.out.println("  PINNED " + d));
                r.forced().stream().limit(20).forEach(d -> System.out.println("  FORCED " + d
                        + ": no other choice than masking a national cell or a région or département total"));
                forced += r.forced().size();
                disclosed += r.disclosed().size();
                if (r.narrowest() >= 0 && (narrowest < 0 || r.narrowest() < narrowest)) {
                    narrowest = r.narrowest();
                    or = id + " " + r.narrowestCell();
                }
                computation += r.computeSeconds();
                protection += r.protectSeconds();
                attack += r.attackSeconds();
            }
        }
        System.out.println("by level: published count cells, primary masked, secondary masked (share of published)");
        total.forEach((n, c) -> System.out.printf(Locale.ROOT, "  %-12s %,12d %,10d %,10d (%.2f %%)%n", n.key(), c[0], c[1],
                c[2], c[0] == 0 ? 0.0 : 100.0 * c[2] / c[0]));
        System.out.println("total lines by level: published count cells, primary masked, secondary masked");
        totalLines.forEach((n, c) -> System.out.printf(Locale.ROOT, "  %-12s %,12d %,10d %,10d (%.2f %%)%n", n.key(), c[0],
                c[1], c[2], c[0] == 0 ? 0.0 : 100.0 * c[2] / c[0]));
        System.out.println("primary cells whose upper bound is below 11 (bounds by propagation and elimination, not LP),"
                + " by level: primary, bounded below 11 (share)");
        bounded.forEach((n, c) -> System.out.printf(Locale.ROOT, "  %-12s %,10d %,10d (%.2f %%)%n", n.key(), c[0], c[1],
                c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]));
        System.out.printf(Locale.ROOT, "time: compute %.1f s, protect %.1f s, attack %.1f s%n", computation, protection, attack);
        System.out.println("primary cells that left no other choice than masking a national cell or a région or"
                + " département total: " + forced);
        System.out.println("narrowest interval left on a primary cell: " + (narrowest < 0 ? "none masked" : or));
        System.out.println(disclosed == 0 ? "PASS: no primary cell can be pinned"
                : "FAIL: " + disclosed + " primary cells pinned");
        return disclosed;
    }
}
