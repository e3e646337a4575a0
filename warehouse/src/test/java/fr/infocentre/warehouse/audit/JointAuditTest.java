package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.SampleTables;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hand-made rapports counting the same population (the same total figure) by different
 * categories, each protected on its own: each passes its own audit, but a commune total masked in
 * one and shown in the other gives away a small count — which the joint audit finds.
 */
class JointAuditTest {

    private static final List<Level> ALL = List.of(Level.values());

    private static Map<String, Long> n(Object... categoryN) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < categoryN.length; i += 2) {
            m.put((String) categoryN[i], ((Number) categoryN[i + 1]).longValue());
        }
        return m;
    }

    /** X: communes A (a 3, b 40) and C (a 30, b {@code cb}) of one département, two EPCI. */
    private static SampleTables x(long cb) {
        return new SampleTables("TAB99-01", "demandes", List.of("a", "b"), ALL)
                .commune("01001", "200000001", "01", "84", n("a", 3, "b", 40))
                .commune("01002", "200000002", "01", "84", n("a", 30, "b", cb));
    }

    /** Y: the same demandes (A: 43) counted by c and d; C's by {@code cc} and {@code cd}. */
    private static SampleTables y(long cc, long cd) {
        return new SampleTables("TAB99-02", "demandes", List.of("c", "d"), ALL)
                .commune("01001", "200000001", "01", "84", n("c", 20, "d", 23))
                .commune("01002", "200000002", "01", "84", n("c", cc, "d", cd));
    }

    private static List<JointAudit.Result> jointly(SampleTables x, SampleTables y, List<RapportTable> xs,
                                                   List<RapportTable> ys) {
        return JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", y.definition()),
                id -> id.equals("TAB99-01") ? xs : ys, x.memberships());
    }

    @Test
    void aCommuneTotalMaskedInOneRapportAndShownInAnotherIsFound() {
        // X: A (a 3, b 40), C (a 30, b 0), one département, two EPCI. A's a = 3 has no rectangle (C's b is 0):
        // its witness moves a unit of a between A and C through their totals, which X masks. Y counts the
        // same demandes by c and d, has no small count, and shows A's total 43: with X's b 40, a = 3.
        SampleTables x = x(0), y = y(15, 15);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        assertEquals(List.of(), x.disclosedCells(xs), "X alone leaks nothing");
        assertEquals(List.of(), y.disclosedCells(ys), "Y alone leaks nothing");
        RapportTable xA = xs.stream().filter(t -> t.territoire().code().equals("01001")).findFirst().orElseThrow();
        assertTrue(xA.mask(xA.total(), "n"), "X masks A's total");

        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(1, results.size());
        JointAudit.Result joint = results.get(0);
        assertEquals(List.of("TAB99-01", "TAB99-02"), joint.rapports().stream().sorted().toList());
        assertTrue(joint.disclosed().contains("TAB99-01 commune 01001 a n = 3"), joint.disclosed().toString());
        assertTrue(joint.narrowed() > 0, joint.toString());
    }

    @Test
    void protectedTogetherTheSameRapportsLeakNothingJointly() {
        SampleTables x = x(0), y = y(15, 15);
        List<List<RapportTable>> together = x.protectWith(y);
        List<RapportTable> xs = together.get(0), ys = together.get(1);
        assertEquals(List.of(), x.disclosedCells(xs));
        assertEquals(List.of(), y.disclosedCells(ys));
        for (String commune : List.of("01001", "01002")) {
            assertEquals(total(xs, commune), total(ys, commune), "commune " + commune + "'s total: one figure, one status");
        }
        assertTrue(total(xs, "01001") == null, "A's total is masked in both (a = 3 needs it)");
        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(List.of(), results.get(0).disclosed());
    }

    private static Object total(List<RapportTable> tables, String commune) {
        return tables.stream().filter(t -> t.territoire().code().equals(commune)).findFirst().orElseThrow().total().get("n");
    }

    @Test
    void rapportsWhoseTotalsAgreeInStatusLeakNothingJointly() {
        // The same two rapports where A's small count has a rectangle in X (C holds b): no total is masked.
        SampleTables x = x(20), y = y(25, 25);
        List<RapportTable> xs = x.protect(), ys = y.protect();
        List<JointAudit.Result> results = jointly(x, y, xs, ys);
        assertEquals(List.of(), results.get(0).disclosed());
    }
}
