package fr.infocentre.warehouse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line of the audit ({@link Audit}): {@code --warehouse DIR --annee N [--rapports TAB03-02,…]}.
 * Prints, per rapport and in total, the count cells published, primary masked and secondary
 * masked by level, the primary cells the attacker pinned and the narrowest interval it left on a
 * primary cell; exits 1 when a primary cell is pinned, 2 on a usage error.
 */
public final class AuditCommand {

    private static final String USAGE = "usage: AuditCommand --warehouse DIR --annee N [--rapports TAB03-02,TAB04-10]";

    private AuditCommand() {
    }

    public static void main(String[] args) {
        Path entrepot = null;
        Integer annee = null;
        List<String> rapports = List.of();
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                switch (args[i]) {
                    case "--warehouse" -> entrepot = Path.of(args[i + 1]);
                    case "--annee" -> annee = Integer.parseInt(args[i + 1]);
                    case "--rapports" -> rapports = Arrays.stream(args[i + 1].split(",")).map(String::trim).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (entrepot == null || annee == null) {
                throw new IllegalArgumentException("--warehouse and --annee are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        int devoiles;
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.ouvrir(entrepot)) {
            List<String> ids = rapports.isEmpty() ? warehouse.catalogue().stream().map(Rapport::id).toList() : rapports;
            devoiles = auditer(warehouse, ids, annee);
        } catch (RequeteInvalide e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(devoiles == 0 ? 0 : 1);
    }

    private static int auditer(DuckDbWarehouse warehouse, List<String> ids, int annee) {
        System.out.printf(Locale.ROOT, "audit of millésime %d: %d rapports%n", annee, ids.size());
        System.out.printf(Locale.ROOT, "%-9s %10s %9s %10s %7s %9s  %s%n", "rapport", "published", "primary",
                "secondary", "pinned", "compute s", "protect s / attack s / narrowest primary interval");
        Map<Niveau, long[]> total = new EnumMap<>(Niveau.class);
        int devoiles = 0;
        long plusEtroit = -1;
        String ou = "";
        double calcul = 0, protection = 0, attaque = 0;
        for (String id : ids) {
            Audit.Resultat r = Audit.auditer(warehouse, id, annee);
            long[] s = new long[3];
            r.comptes().forEach((n, c) -> {
                long[] t = total.computeIfAbsent(n, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    s[i] += c[i];
                    t[i] += c[i];
                }
            });
            System.out.printf(Locale.ROOT, "%-9s %,10d %,9d %,10d %7d %9.1f  %.2f / %.2f / %s%n", id, s[0], s[1], s[2],
                    r.devoiles().size(), r.secondesCalcul(), r.secondesProtection(), r.secondesAttaque(),
                    r.plusEtroit() < 0 ? "-" : r.cellulePlusEtroite());
            r.devoiles().stream().limit(20).forEach(d -> System.out.println("  PINNED " + d));
            devoiles += r.devoiles().size();
            if (r.plusEtroit() >= 0 && (plusEtroit < 0 || r.plusEtroit() < plusEtroit)) {
                plusEtroit = r.plusEtroit();
                ou = id + " " + r.cellulePlusEtroite();
            }
            calcul += r.secondesCalcul();
            protection += r.secondesProtection();
            attaque += r.secondesAttaque();
        }
        System.out.println("by level: published count cells, primary masked, secondary masked (share of published)");
        total.forEach((n, c) -> System.out.printf(Locale.ROOT, "  %-12s %,12d %,10d %,10d (%.2f %%)%n", n.cle(), c[0], c[1],
                c[2], c[0] == 0 ? 0.0 : 100.0 * c[2] / c[0]));
        System.out.printf(Locale.ROOT, "time: compute %.1f s, protect %.1f s, attack %.1f s%n", calcul, protection, attaque);
        System.out.println("narrowest interval left on a primary cell: " + (plusEtroit < 0 ? "none masked" : ou));
        System.out.println(devoiles == 0 ? "PASS: no primary cell can be pinned"
                : "FAIL: " + devoiles + " primary cells pinned");
        return devoiles;
    }
}
