package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;


import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line of the audit ({@link Audit}): {@code --warehouse DIR --millesime N [--rapports TAB03-02,…]}.
 * Prints, per rapport and in total, the count cells published, primary masked and secondary
 * masked by level, the primary cells the attacker pinned and the narrowest interval it left on a
 * primary cell; exits 1 when a primary cell is pinned, 2 on a usage error.
 */
public final class AuditCommand {

    private static final String USAGE = "usage: AuditCommand --warehouse DIR --annee N [--rapports TAB03-02,TAB04-10]";

    private AuditCommand() {
    }

    public static void main(String[] args) {
        Path warehouseDir = null;
        Integer millesime = null;
        List<String> rapports = List.of();
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                switch (args[i]) {
                    case "--warehouse" -> warehouseDir = Path.of(args[i + 1]);
                    case "--annee" -> millesime = Integer.parseInt(args[i + 1]);
                    case "--rapports" -> rapports = Arrays.stream(args[i + 1].split(",")).map(String::trim).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (warehouseDir == null || millesime == null) {
                throw new IllegalArgumentException("--warehouse and --annee are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        int disclosed;
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            List<String> ids = rapports.isEmpty() ? warehouse.catalogue().stream().map(Rapport::id).toList() : rapports;
            disclosed = audit(warehouse, ids, millesime);
        } catch (InvalidRequest e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(disclosed == 0 ? 0 : 1);
    }

    private static int audit(DuckDbWarehouse warehouse, List<String> ids, int millesime) {
        System.out.printf(Locale.ROOT, "audit of millésime %d: %d rapports%n", millesime, ids.size());
        System.out.printf(Locale.ROOT, "%-9s %10s %9s %10s %7s %9s  %s%n", "rapport", "published", "primary",
                "secondary", "pinned", "compute s", "protect s / attack s / narrowest primary interval");
        Map<Level, long[]> total = new EnumMap<>(Level.class);
        int disclosed = 0;
        long narrowest = -1;
        String or = "";
        double computation = 0, protection = 0, attack = 0;
        for (String id : ids) {
            Audit.Result r = Audit.audit(warehouse, id, millesime);
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
            disclosed += r.disclosed().size();
            if (r.narrowest() >= 0 && (narrowest < 0 || r.narrowest() < narrowest)) {
                narrowest = r.narrowest();
                or = id + " " + r.narrowestCell();
            }
            computation += r.computeSeconds();
            protection += r.protectSeconds();
            attack += r.attackSeconds();
        }
        System.out.println("by level: published count cells, primary masked, secondary masked (share of published)");
        total.forEach((n, c) -> System.out.printf(Locale.ROOT, "  %-12s %,12d %,10d %,10d (%.2f %%)%n", n.key(), c[0], c[1],
                c[2], c[0] == 0 ? 0.0 : 100.0 * c[2] / c[0]));
        System.out.printf(Locale.ROOT, "time: compute %.1f s, protect %.1f s, attack %.1f s%n", computation, protection, attack);
        System.out.println("narrowest interval left on a primary cell: " + (narrowest < 0 ? "none masked" : or));
        System.out.println(disclosed == 0 ? "PASS: no primary cell can be pinned"
                : "FAIL: " + disclosed + " primary cells pinned");
        return disclosed;
    }
}
