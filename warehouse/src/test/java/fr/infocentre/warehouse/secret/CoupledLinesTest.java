package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.audit.JointAudit;
import fr.infocentre.warehouse.audit.SameFigures;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.fixtures.SampleTables;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static fr.infocentre.warehouse.fixtures.SampleTables.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two rapports of one total figure whose first lines are one figure (as a household of one person
 * is a personne seule), on random small geographies. Protected as a family that shares its total
 * line only, each rapport protects that line with its own pattern: a cell one masks the other may
 * show, and the joint attacker, who knows the two lines are one figure, pins small counts in some
 * families. Coupled (the line moves only with the same move in both), none, and the line has one
 * status in both.
 */
class CoupledLinesTest {

    private static final List<Level> ALL = List.of(Level.values());
    private static final int FAMILIES = 120;

    /**
     * A random family: 9 communes in 3 départements of 2 régions, 2 EPCI per département; mostly
     * small counts. {@code coupled}: whether the rapports declare their line "seul" / "personne" as one
     * line figure.
     */
    private static SampleTables[] family(long seed, boolean coupled) {
        Random random = new Random(seed);
        SampleTables x = coupled ? SampleTables.holding("TAB99-01", "demandes", List.of("seul", "b", "c"), ALL, "seul", "seuls")
                : new SampleTables("TAB99-01", "demandes", List.of("seul", "b", "c"), ALL);
        SampleTables y = coupled ? SampleTables.holding("TAB99-02", "demandes", List.of("personne", "d", "e"), ALL,
                "personne", "seuls") : new SampleTables("TAB99-02", "demandes", List.of("personne", "d", "e"), ALL);
        SampleTables.nineCommunes((i, commune, epci, departement, region) -> {
            long[] byX = new long[3];
            for (int k = 0; k < 3; k++) {
                byX[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(i % 2 == 0 ? 8 : 30);
            }
            long others = byX[1] + byX[2];
            long d = others == 0 ? 0 : random.nextLong(others + 1);
            x.commune(commune, epci, departement, region, n("seul", byX[0], "b", byX[1], "c", byX[2]));
            y.commune(commune, epci, departement, region, n("personne", byX[0], "d", d, "e", others - d));
        });
        return new SampleTables[]{x, y};
    }

    /** The cells of the shared line (and of the total line) whose status differs between the rapports' files. */
    private static List<String> differing(SampleTables[] coupled, List<RapportTable> xs, List<RapportTable> ys) {
        Map<String, RapportDefinition> definitions = new java.util.LinkedHashMap<>();
        definitions.put("TAB99-01", coupled[0].definition());
        definitions.put("TAB99-02", coupled[1].definition());
        return SameFigures.check(definitions, id -> id.equals("TAB99-01") ? xs : ys).differences();
    }

    /** What the attacker pins from both rapports' files, knowing the lines are one figure. */
    private static List<String> jointlyDisclosed(SampleTables[] coupled, List<RapportTable> xs, List<RapportTable> ys) {
        Map<String, RapportDefinition> definitions = Map.of("TAB99-01", coupled[0].definition(),
                "TAB99-02", coupled[1].definition());
        List<String> disclosed = new ArrayList<>();
        JointAudit.attack(definitions, id -> id.equals("TAB99-01") ? xs : ys, coupled[0].memberships())
                .forEach(r -> disclosed.addAll(r.disclosed()));
        return disclosed;
    }

    @Test
    void protectedByTheirTotalAloneSomeFamiliesLeakThroughTheSharedLine() {
        int leaking = 0, twoStatuses = 0;
        for (long seed = 1; seed <= FAMILIES; seed++) {
            SampleTables[] plain = family(seed, false), coupled = family(seed, true);
            List<List<RapportTable>> together = plain[0].protectWith(plain[1]);
            assertEquals(List.of(), plain[0].disclosedCells(together.get(0)), "seed " + seed);
            assertEquals(List.of(), plain[1].disclosedCells(together.get(1)), "seed " + seed);
            if (!jointlyDisclosed(coupled, together.get(0), together.get(1)).isEmpty()) {
                leaking++;
            }
            twoStatuses += differing(coupled, together.get(0), together.get(1)).isEmpty() ? 0 : 1;
        }
        assertTrue(leaking > 0, "a family sharing its total line only leaks through the shared line in some of the "
                + FAMILIES + " families");
        assertTrue(twoStatuses >= leaking, twoStatuses + " families whose shared line has two statuses somewhere, "
                + leaking + " leaking");
    }

    @Test
    void coupledNoFamilyLeaksAndTheSharedLineHasOneStatus() {
        List<String> failures = new ArrayList<>();
        int maskedShared = 0;
        for (long seed = 1; seed <= FAMILIES; seed++) {
            SampleTables[] f = family(seed, true);
            List<List<RapportTable>> together = f[0].protectWith(f[1]);
            List<RapportTable> xs = together.get(0), ys = together.get(1);
            List<String> disclosed = new ArrayList<>(f[0].disclosedCells(xs));
            disclosed.addAll(f[1].disclosedCells(ys));
            disclosed.addAll(jointlyDisclosed(f, xs, ys));
            disclosed.addAll(differing(f, xs, ys));
            if (!disclosed.isEmpty()) {
                failures.add("seed " + seed + ": " + disclosed);
            }
            for (int i = 0; i < xs.size(); i++) {
                RapportTable tx = xs.get(i), ty = ys.get(i);
                assertEquals(tx.territoire(), ty.territoire());
                assertEquals(tx.total().get("n"), ty.total().get("n"), "seed " + seed + " " + tx.territoire() + ": total");
                assertEquals(tx.lineOf("seul").get("n"), ty.lineOf("personne").get("n"),
                        "seed " + seed + " " + tx.territoire() + ": one figure, one status");
                maskedShared += tx.mask(tx.lineOf("seul"), "n") ? 1 : 0;
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(maskedShared > 100, maskedShared + " cells of the shared line masked: the case is exercised");
    }
}
