package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.audit.JointAudit;
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
 * Two rapports counting the same population by different categories (one total figure), on
 * random small geographies: protected each on its own, the joint attacker pins small counts in
 * some of them; protected together, in none, and every total has one status in both.
 */
class FamilySuppressionTest {

    private static final List<Level> ALL = List.of(Level.values());
    private static final int FAMILIES = 120;

    /** A random family: 9 communes in 3 départements of 2 régions, 2 EPCI per département; mostly small counts. */
    private static SampleTables[] family(long seed) {
        Random random = new Random(seed);
        SampleTables x = new SampleTables("TAB99-01", "demandes", List.of("a", "b", "c"), ALL);
        SampleTables y = new SampleTables("TAB99-02", "demandes", List.of("d", "e"), ALL);
        SampleTables.nineCommunes((i, commune, epci, departement, region) -> {
            long[] byX = new long[3];
            for (int k = 0; k < 3; k++) {
                byX[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(i % 2 == 0 ? 8 : 30);
            }
            long total = byX[0] + byX[1] + byX[2];
            long d = total == 0 ? 0 : random.nextLong(total + 1);
            x.commune(commune, epci, departement, region, n("a", byX[0], "b", byX[1], "c", byX[2]));
            y.commune(commune, epci, departement, region, n("d", d, "e", total - d));
        });
        return new SampleTables[]{x, y};
    }

    private static List<String> jointlyDisclosed(SampleTables x, SampleTables y, List<RapportTable> xs, List<RapportTable> ys) {
        return JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships()).get(0).disclosed();
    }

    @Test
    void eachOnItsOwnTheyLeakJointlyInSomeFamilies() {
        int leaking = 0;
        for (long seed = 1; seed <= FAMILIES; seed++) {
            SampleTables[] f = family(seed);
            List<RapportTable> xs = f[0].protect(), ys = f[1].protect();
            assertEquals(List.of(), f[0].disclosedCells(xs), "seed " + seed);
            assertEquals(List.of(), f[1].disclosedCells(ys), "seed " + seed);
            if (!jointlyDisclosed(f[0], f[1], xs, ys).isEmpty()) {
                leaking++;
            }
        }
        assertTrue(leaking > 0, "per-rapport protection leaks jointly in some of the " + FAMILIES + " families");
    }

    @Test
    void protectedTogetherNoFamilyLeaksAndTotalsHaveOneStatus() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= FAMILIES; seed++) {
            SampleTables[] f = family(seed);
            List<List<RapportTable>> together = f[0].protectWith(f[1]);
            List<RapportTable> xs = together.get(0), ys = together.get(1);
            List<String> disclosed = new ArrayList<>(f[0].disclosedCells(xs));
            disclosed.addAll(f[1].disclosedCells(ys));
            disclosed.addAll(jointlyDisclosed(f[0], f[1], xs, ys));
            if (!disclosed.isEmpty()) {
                failures.add("seed " + seed + ": " + disclosed);
            }
            for (int i = 0; i < xs.size(); i++) {
                RapportTable tx = xs.get(i), ty = ys.get(i);
                assertEquals(tx.territoire(), ty.territoire());
                assertEquals(tx.total().get("n"), ty.total().get("n"), "seed " + seed + " " + tx.territoire() + ": one figure, one status");
            }
        }
        assertEquals(List.of(), failures);
    }
}
