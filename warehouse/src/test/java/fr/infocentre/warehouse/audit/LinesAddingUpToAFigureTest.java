package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.fixtures.SampleTables;
import fr.infocentre.warehouse.secret.FixedFigures;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.infocentre.warehouse.fixtures.SampleTables.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rapport without a total line whose lines add up to a figure another rapport shows (TAB02-04:
 * its months add up to the attributions of the year, series 04's total). Hand-made: X counts the
 * attributions of communes A, C (one EPCI) and E (another) by a and b, every count 11 or more, so
 * X masks nothing and shows A's total, 35; M counts the same attributions by month: A's m2 is 3.
 * Protected as if its lines added up to nothing, M passes its own audit, but with X's total A's m2
 * is 35 − 12 − 20 = 3; protected with that sum held as X shows it, it masks a second month of A and
 * nothing is pinned, jointly or not.
 */
class LinesAddingUpToAFigureTest {

    private static final List<Level> ALL = List.of(Level.values());

    private static SampleTables x() {
        return new SampleTables("TAB99-01", "attributions", List.of("a", "b"), ALL)
                .commune("01001", "200000001", "01", "84", n("a", 20, "b", 15))
                .commune("01002", "200000001", "01", "84", n("a", 20, "b", 20))
                .commune("01003", "200000002", "01", "84", n("a", 30, "b", 30));
    }

    private static SampleTables months() {
        return SampleTables.sumOf("TAB99-02", "attributions", List.of("m1", "m2", "m3"), ALL)
                .commune("01001", "200000001", "01", "84", n("m1", 12, "m2", 3, "m3", 20))
                .commune("01002", "200000001", "01", "84", n("m1", 15, "m2", 12, "m3", 13))
                .commune("01003", "200000002", "01", "84", n("m1", 20, "m2", 20, "m3", 20));
    }

    private static List<JointAudit.Result> jointly(SampleTables x, List<RapportTable> xs, SampleTables m,
                                                   List<RapportTable> ms) {
        return JointAudit.attack(Map.of("TAB99-01", x.definition(), "TAB99-02", m.definition()),
                id -> id.equals("TAB99-01") ? xs : ms, x.memberships());
    }

    private static long maskedMonths(List<RapportTable> ms, String commune) {
        RapportTable a = ms.stream().filter(t -> t.territoire().level() == Level.COMMUNE
                && t.territoire().code().equals(commune)).findFirst().orElseThrow();
        assertEquals(null, a.total(), "M publishes no total line");
        return a.masks().size();
    }

    @Test
    void protectedAsIfItsLinesAddedUpToNothingTheMonthsGiveAwayASmallCount() {
        SampleTables x = x(), m = months();
        List<RapportTable> xs = x.protect(), ms = m.protect();
        assertEquals(List.of(), x.disclosedCells(xs), "X alone leaks nothing");
        assertEquals(List.of(), m.disclosedCells(ms), "M alone leaks nothing");
        assertTrue(xs.stream().allMatch(t -> t.masks().isEmpty()), "X masks nothing: A's total 35 is shown");
        assertEquals(1, maskedMonths(ms, "01001"), "A's m2 alone: its witness is a month of another commune");

        List<JointAudit.Result> results = jointly(x, xs, m, ms);
        assertEquals(1, results.size());
        assertTrue(results.get(0).disclosed().contains("TAB99-02 commune 01001 m2 n = 3"),
                results.get(0).disclosed().toString());
    }

    @Test
    void aCellThatIsTheSumOfTwoFiguresAndItsTermsNarrowOneAnother() {
        // TAB04-15's DALO objective (s) = TAB04-14's DALO (a) + prioritaires hors DALO (b): s shown 7
        // and a shown 4 pin b to 3; a ∈ [2, 5] and b ∈ [1, 3] bound s to [3, 8], and s = 7 then
        // narrows a to [4, 5] and b to [2, 3].
        RapportDefinition.SameFigure sum = new RapportDefinition.SameFigure("DALO_PRIORITAIRES", "a",
                Map.of("concernees", "effectif"), List.of("b"));
        Map<JointAudit.TotalCell, long[]> known = new java.util.HashMap<>();
        known.put(cell("a + b"), new long[]{7, 7});
        known.put(cell("a"), new long[]{4, 4});
        JointAudit.addUp(known, List.of(sum));
        assertEquals(List.of(3L, 3L), bounds(known, "b"));

        known.clear();
        known.put(cell("a"), new long[]{2, 5});
        known.put(cell("b"), new long[]{1, 3});
        known.put(cell("a + b"), new long[]{0, Long.MAX_VALUE});
        JointAudit.addUp(known, List.of(sum));
        assertEquals(List.of(3L, 8L), bounds(known, "a + b"));
        known.put(cell("a + b"), new long[]{7, 7});
        JointAudit.addUp(known, List.of(sum));
        assertEquals(List.of(4L, 5L), bounds(known, "a"));
        assertEquals(List.of(2L, 3L), bounds(known, "b"));
    }

    private static JointAudit.TotalCell cell(String figure) {
        return new JointAudit.TotalCell(figure, Level.COMMUNE, "01001", "effectif");
    }

    private static List<Long> bounds(Map<JointAudit.TotalCell, long[]> known, String figure) {
        long[] b = known.get(cell(figure));
        return List.of(b[0], b[1]);
    }

    @Test
    void protectedWithTheSumHeldAsTheFiguresRapportShowsItNothingIsPinned() {
        SampleTables x = x(), m = months();
        List<RapportTable> xs = x.protect();
        List<RapportTable> ms = m.protectAfter(Map.of("attributions",
                new FixedFigures.FigureTables(RapportDefinition.TOTAL_LINE, xs)));
        assertEquals(List.of(), m.disclosedCells(ms), "M alone leaks nothing");
        assertEquals(2, maskedMonths(ms, "01001"), "A's m2 and a second month of A, so that A's sum stays 35");
        List<JointAudit.Result> results = jointly(x, xs, m, ms);
        assertEquals(1, results.size());
        assertEquals(List.of(), results.get(0).disclosed());
    }
}
