package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.SampleTables;

import fr.infocentre.warehouse.engine.ComputedTable;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.infocentre.warehouse.fixtures.SampleTables.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hand-made rapports counting the same population (the same total figure) by different
 * categories, each protected on its own: each passes its own audit, but a commune total masked in
 * one and shown in the other gives away a small count — which the joint audit finds — and
 * protected together they leak nothing.
 */
class JointAuditTest {

    private static final List<Level> ALL = List.of(Level.values());

    /**
     * X: communes A (a 3, b {@code ab}), C (a 29, b 1) and E (a 15, b 15) of one EPCI and
     * département.
     */
    private static SampleTables x(long ab) {
        return new SampleTables("TAB99-01", "demandes", List.of("a", "b"), ALL)
                .commune("01001", "200000001", "01", "84", n("a", 3, "b", ab))
                .commune("01002", "200000001", "01", "84", n("a", 29, "b", 1))
                .commune("01003", "200000001", "01", "84", n("a", 15, "b", 15));
    }

    /** Y: the same demandes counted by c and d: A's by {@code ac} and {@code ad}, C (15, 15), E (29, 1). */
    private static SampleTables y(long ac, long ad) {
        return new SampleTables("TAB99-02", "demandes", List.of("c", "d"), ALL)
                .commune("01001", "200000001", "01", "84", n("c", ac, "d", ad))
                .commune("01002", "200000001", "01", "84", n("c", 15, "d", 15))
                .commune("01003", "200000001", "01", "84", n("c", 29, "d", 1));
    }

    private static List<JointAudit.Result> jointly(SampleTables x, SampleTables y, List<RapportTable> xs,
                                                   List<RapportTable> ys) {
        return JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships());
    }

    @Test
    void aCommuneTotalMaskedInOneRapportAndShownInAnotherIsFound() {
        // A's total (3) is masked in both; its witness moves a unit between A and the commune whose
        // cells cost least to mask: C in X (its b, 1, is already masked), E in Y (its d). X shows E's
        // total 30, Y shows C's 30: with the département's 63, A's total = 3.
        SampleTables x = x(0), y = y(1, 2);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        assertEquals(List.of(), x.disclosedCells(xs), "X alone leaks nothing");
        assertEquals(List.of(), y.disclosedCells(ys), "Y alone leaks nothing");
        assertEquals(null, total(xs, "01002"), "X masks C's total");
        assertEquals(30L, total(xs, "01003"), "X shows E's total");
        assertEquals(30L, total(ys, "01002"), "Y shows C's total");
        assertEquals(null, total(ys, "01003"), "Y masks E's total");

        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(1, results.size());
        JointAudit.Result joint = results.get(0);
        assertEquals(List.of("TAB99-01", "TAB99-02"), joint.rapports().stream().sorted().toList());
        assertTrue(joint.disclosed().stream().anyMatch(d -> d.startsWith("TAB99-01 commune 01001 ") && d.endsWith(" n = 3")),
                joint.disclosed().toString());
        assertTrue(joint.narrowed() > 0, joint.toString());
    }

    @Test
    void startingFromEachRapportsOwnBoundsResumingItsAttackOrOnOneThreadTheJointAttackFindsTheSameLeak() {
        SampleTables x = x(0), y = y(1, 2);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        Map<JointAudit.TotalCell, long[]> known = new HashMap<>();
        JointAudit.intersect(known, alone(x, xs));
        JointAudit.intersect(known, alone(y, ys));
        long[] c = known.get(new JointAudit.TotalCell("demandes", Level.COMMUNE, "01002", "n"));
        assertEquals(List.of(30L, 30L), List.of(c[0], c[1]), "C's total, masked in X, is shown by Y");
        long[] a = known.get(new JointAudit.TotalCell("demandes", Level.COMMUNE, "01001", "n"));
        assertTrue(a[0] < a[1], "neither rapport alone pins A's total: " + a[0] + ".." + a[1]);

        JointAudit.Result unseeded = jointly(x, y, xs, ys).get(0);
        JointAudit.Result seeded = JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships(), known).get(0);
        assertTrue(seeded.converged() && unseeded.converged());
        assertEquals(unseeded.disclosed(), seeded.disclosed());
        assertTrue(seeded.disclosed().stream().anyMatch(d -> d.startsWith("TAB99-01 commune 01001 ") && d.endsWith(" n = 3")),
                seeded.disclosed().toString());

        Map<String, Attacker.Result> attacks = Map.of("TAB99-01", ownAttack(x, xs), "TAB99-02", ownAttack(y, ys));
        JointAudit.Result resumed = JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships(), known, attacks).get(0);
        assertEquals(unseeded.disclosed(), resumed.disclosed(), "resumed from each rapport's own attack: the same leak");

        System.setProperty("infocentre.audit.threads", "1");
        try {
            assertEquals(unseeded.disclosed(), jointly(x, y, xs, ys).get(0).disclosed(), "one thread or several: one result");
        } finally {
            System.clearProperty("infocentre.audit.threads");
        }
    }

    @Test
    void theJointAttackBoundsThePrimaryCellsItIsGiven() {
        // Protected each on its own (above): jointly, A's total is pinned to 3 (X's a 3 and b 0, Y's c 1
        // and d 2 are then at most 3), C's b to 30 − 29 = 1 (C's total masked in X, shown by Y) and
        // E's d to 30 − 29 = 1 (E's total masked in Y, shown by X): every primary cell of both is
        // bounded above by 10, all of them at commune level.
        SampleTables x = x(0), y = y(1, 2);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        Map<String, BitSet> primaries = Map.of("TAB99-01", primaries(x, xs), "TAB99-02", primaries(y, ys));
        assertEquals(3, primaries.get("TAB99-01").cardinality());
        assertEquals(4, primaries.get("TAB99-02").cardinality());
        JointAudit.Result joint = JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships(), Map.of(), Map.of(), primaries).get(0);
        assertEquals(List.of(Level.COMMUNE), List.copyOf(joint.primaryBounded().get("TAB99-01").keySet()));
        assertEquals(List.of(3L, 3L), asList(joint.primaryBounded().get("TAB99-01").get(Level.COMMUNE)));
        assertEquals(List.of(4L, 4L), asList(joint.primaryBounded().get("TAB99-02").get(Level.COMMUNE)));
        assertEquals(Map.of(), jointly(x, y, xs, ys).get(0).primaryBounded(), "no primary cell given, none counted");
    }

    private static List<Long> asList(long[] counts) {
        return List.of(counts[0], counts[1]);
    }

    /** The variables of the rapport's public view whose cell is masked and counts 1 to 10 (from the exact tables). */
    private static BitSet primaries(SampleTables rapport, List<RapportTable> published) {
        PublicView view = PublicView.build(rapport.definition(), published, rapport.memberships());
        BitSet primaries = new BitSet();
        for (ComputedTable exact : rapport.tables()) {
            RapportTable shown = published.stream().filter(t -> t.territoire().equals(exact.territoire())).findFirst()
                    .orElse(null);
            if (shown == null) {
                continue;
            }
            for (ComputedTable.Line line : Stream.concat(exact.lines().stream(), Stream.of(exact.total())).toList()) {
                long n = ((ComputedTable.Count) line.values().get("n")).n();
                Map<String, Object> cells = line.key().equals(ComputedTable.TOTAL_KEY) ? shown.total()
                        : shown.lines().stream().filter(l -> line.key().equals(l.get("cle"))).findFirst().orElseThrow();
                if (n >= 1 && n <= 10 && shown.mask(cells, "n")) {
                    primaries.set(view.variable(shown.territoire(), line.key(), "n"));
                }
            }
        }
        return primaries;
    }

    private static Attacker.Result ownAttack(SampleTables rapport, List<RapportTable> published) {
        return Attacker.attack(PublicView.build(rapport.definition(), published, rapport.memberships()).system());
    }

    /** What the rapport's own attack bounds of its total cells. */
    private static Map<JointAudit.TotalCell, long[]> alone(SampleTables rapport, List<RapportTable> published) {
        PublicView view = PublicView.build(rapport.definition(), published, rapport.memberships());
        return JointAudit.totalBounds(rapport.definition(), published, view, Attacker.attack(view.system()));
    }

    @Test
    void protectedTogetherTheSameRapportsLeakNothingJointly() {
        SampleTables x = x(0), y = y(1, 2);
        List<List<RapportTable>> together = x.protectWith(y);
        List<RapportTable> xs = together.get(0), ys = together.get(1);
        assertEquals(List.of(), x.disclosedCells(xs));
        assertEquals(List.of(), y.disclosedCells(ys));
        for (String commune : List.of("01001", "01002", "01003")) {
            assertEquals(total(xs, commune), total(ys, commune), "commune " + commune + "'s total: one figure, one status");
        }
        assertEquals(null, total(xs, "01001"));
        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(List.of(), results.get(0).disclosed());
    }

    private static Object total(List<RapportTable> tables, String commune) {
        return tables.stream().filter(t -> t.territoire().code().equals(commune)).findFirst().orElseThrow().total().get("n");
    }

    @Test
    void rapportsWhoseTotalsAgreeInStatusLeakNothingJointly() {
        // The same two rapports where A's total is 23: every small count has a rectangle on category
        // lines, so no commune total is masked, in either.
        SampleTables x = x(20), y = y(11, 12);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        for (String commune : List.of("01001", "01002", "01003")) {
            assertTrue(total(xs, commune) != null && total(xs, commune).equals(total(ys, commune)), commune);
        }
        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(List.of(), results.get(0).disclosed());
    }
}
