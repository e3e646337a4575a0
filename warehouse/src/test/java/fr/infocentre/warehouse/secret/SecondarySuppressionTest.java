package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.fixtures.SampleTables;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.infocentre.warehouse.fixtures.SampleTables.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secondary suppression on hand-made linked tables where primary suppression alone leaks: each
 * case first shows the attacker pinning a small count under the legacy rule (counts 1–10 masked,
 * nothing else), then finds nothing to pin once the tables go through the protection step, and
 * checks by hand which cells the protection chose.
 */
public class SecondarySuppressionTest {

    private static final List<Level> ALL = List.of(Level.values());
    private static final List<String> ABC = List.of("a", "b", "c");

    private static RapportTable table(List<RapportTable> tables, Level level, String code) {
        return tables.stream().filter(t -> t.territoire().level() == level && t.territoire().code().equals(code))
                .findFirst().orElseThrow();
    }

    private static Object cell(RapportTable t, String line, String column) {
        Map<String, Object> l = line.equals("total") ? t.total()
                : t.lines().stream().filter(m -> line.equals(m.get("cle"))).findFirst().orElseThrow();
        return l.get(column);
    }

    /** The legacy rule leaks at least {@code leak}; the protected tables leak nothing. */
    private static List<RapportTable> protectedAndChecked(SampleTables trial, String leak) {
        List<String> before = trial.disclosedCells(trial.protectPrimaryOnly());
        assertTrue(before.contains(leak), "the legacy rule leaks " + leak + "; the attacker found " + before);
        List<RapportTable> protectedTables = trial.protect();
        assertEquals(List.of(), trial.disclosedCells(protectedTables), "nothing pinned once protected");
        return protectedTables;
    }

    @Test
    void rowTotalMinusVisibleCategories() {
        // One commune, published only nationally: a = 3 would be the total 38 − b 20 − c 15.
        SampleTables trial = new SampleTables(ABC, List.of(Level.NATIONAL))
                .commune("01001", "200000001", "01", "84", n("a", 3, "b", 20, "c", 15));
        List<RapportTable> t = protectedAndChecked(trial, "national FR a n = 3");
        RapportTable france = table(t, Level.NATIONAL, "FR");
        assertNull(cell(france, "a", "n"));
        assertNull(cell(france, "c", "n"), "the smaller other category hides it");
        assertEquals(20L, cell(france, "b", "n"));
        assertEquals(38L, cell(france, "total", "n"), "the total stays visible");
    }

    @Test
    void aDepartementTotalStaysVisibleThroughACompensatedMove() {
        // Département 01 = {A1 (a 2), A2 (b 40), A3 (c 40)}, 39 = {B1 (a 30, b 30, c 30)}, one région.
        // 01's a = 2 = its total 82 − b 40 − c 40. A1 holds nothing else, so no rectangle on one pair of
        // communes exists, and moving a unit of a from B1 to A1 would change both départements' totals.
        // The compensated move — a from B1 to A1, b from A2 to B1 — leaves every total above the communes.
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 2, "b", 0, "c", 0))
                .commune("01002", "200000001", "01", "84", n("a", 0, "b", 40, "c", 0))
                .commune("01003", "200000001", "01", "84", n("a", 0, "b", 0, "c", 40))
                .commune("39001", "200000002", "39", "84", n("a", 30, "b", 30, "c", 30));
        List<RapportTable> t = protectedAndChecked(trial, "departement 01 a n = 2");
        assertEquals(82L, cell(table(t, Level.DEPARTEMENT, "01"), "total", "n"));
        assertEquals(90L, cell(table(t, Level.DEPARTEMENT, "39"), "total", "n"));
        assertNull(cell(table(t, Level.DEPARTEMENT, "01"), "a", "n"));
        assertNull(cell(table(t, Level.DEPARTEMENT, "01"), "b", "n"), "the compensating line is masked instead");
        assertEquals(40L, cell(table(t, Level.DEPARTEMENT, "01"), "c", "n"));
        for (Level level : List.of(Level.REGION, Level.NATIONAL)) {
            RapportTable wide = table(t, level, level == Level.REGION ? "84" : "FR");
            assertEquals(List.of(32L, 70L, 70L, 172L), List.of(cell(wide, "a", "n"), cell(wide, "b", "n"),
                    cell(wide, "c", "n"), cell(wide, "total", "n")), level + " entirely visible");
        }
    }

    @Test
    void aTotalMaskedForWantOfAnyOtherMoveIsReported() {
        // As above, but B1 holds nothing but a: no line can compensate, so 01's and 39's totals must go.
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 2, "b", 0, "c", 0))
                .commune("01002", "200000001", "01", "84", n("a", 0, "b", 40, "c", 0))
                .commune("39001", "200000002", "39", "84", n("a", 30, "b", 0, "c", 0));
        List<RapportTable> t = protectedAndChecked(trial, "departement 01 a n = 2");
        assertNull(cell(table(t, Level.DEPARTEMENT, "01"), "total", "n"));
        assertEquals(List.of("departement 01 a n"), trial.forced());
    }

    @Test
    void epciOfTwoCommunes() {
        // EPCI E = {A, B}: A's a = 4 would be E's a 34 − B's a 30.
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 40, "c", 25))
                .commune("01002", "200000001", "01", "84", n("a", 30, "b", 50, "c", 12));
        List<RapportTable> t = protectedAndChecked(trial, "commune 01001 a n = 4");
        RapportTable b = table(t, Level.COMMUNE, "01002");
        assertNull(cell(b, "a", "n"), "B's a masked in turn");
        assertEquals(34L, cell(table(t, Level.EPCI, "200000001"), "a", "n"), "the EPCI stays visible");
        assertEquals(34L, cell(table(t, Level.NATIONAL, "FR"), "a", "n"));
        // And each commune's total, 69 and 92, stays visible: the second masked cell of each is c (25 and 12).
        assertEquals(69L, cell(table(t, Level.COMMUNE, "01001"), "total", "n"));
        assertNull(cell(table(t, Level.COMMUNE, "01001"), "c", "n"));
        assertNull(cell(b, "c", "n"));
        assertEquals(50L, cell(b, "b", "n"));
    }

    @Test
    void epciWhoseOtherCommunesAreVisible() {
        // E = {A, B, C}: A's a = 4 = E's 49 − 20 − 25; the protection masks the smaller B.
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 30))
                .commune("01002", "200000001", "01", "84", n("a", 20, "b", 30, "c", 30))
                .commune("01003", "200000001", "01", "84", n("a", 25, "b", 30, "c", 30));
        List<RapportTable> t = protectedAndChecked(trial, "commune 01001 a n = 4");
        assertNull(cell(table(t, Level.COMMUNE, "01002"), "a", "n"));
        assertEquals(25L, cell(table(t, Level.COMMUNE, "01003"), "a", "n"));
        assertEquals(49L, cell(table(t, Level.EPCI, "200000001"), "a", "n"));
    }

    @Test
    void epciStraddlingTwoDepartements() {
        // E = {A in 01, B in 39}; département 01 = {A, C} with C in another EPCI F; 39 = {B}.
        // A's a = 4 = 01's a 24 − C's a 20: A is alone in E ∩ 01, so some EPCI or département cells must go.
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 30))
                .commune("39001", "200000001", "39", "27", n("a", 40, "b", 30, "c", 30))
                .commune("01002", "200000002", "01", "84", n("a", 20, "b", 30, "c", 30));
        List<RapportTable> t = protectedAndChecked(trial, "commune 01001 a n = 4");
        assertNotNull(cell(table(t, Level.NATIONAL, "FR"), "a", "n"), "France stays visible");
        assertEquals(List.of(), trial.disclosedCells(t));
    }

    @Test
    void twoWayTableWithMargins() {
        // Category × (mutation, hors mutation) with an "ensemble" column and a total line, at commune and EPCI.
        SampleTables trial = new SampleTables(ABC, List.of("mutation", "hors_mutation"), ALL, true, null)
                .communeColumns("01001", "200000001", "01", "84", Map.of(
                        "a", n("mutation", 3, "hors_mutation", 40),
                        "b", n("mutation", 25, "hors_mutation", 60),
                        "c", n("mutation", 30, "hors_mutation", 15)))
                .communeColumns("01002", "200000001", "01", "84", Map.of(
                        "a", n("mutation", 50, "hors_mutation", 45),
                        "b", n("mutation", 35, "hors_mutation", 70),
                        "c", n("mutation", 20, "hors_mutation", 25)));
        List<RapportTable> t = protectedAndChecked(trial, "commune 01001 a mutation = 3");
        RapportTable a = table(t, Level.COMMUNE, "01001");
        assertNull(cell(a, "a", "mutation"));
        assertEquals(List.of(), trial.disclosedCells(t));
        assertEquals(138L, cell(table(t, Level.EPCI, "200000001"), "a", "ensemble"), "3 + 40 + 50 + 45, visible");
    }

    @Test
    void aSmallSplitOfADepartementTotalMasksTheOtherSplitNotTheTotal() {
        // Département 01 counts 5 mutations (a 3 in 01001, b 2 in 01002) among 200 attributions; 02,
        // in the same région, and 03 are large. 01's mutation total 5 = 200 − 195: one more cell of
        // 01's total line must go. Masking its hors-mutation total (a unit moved between the columns
        // in 01 and back in 02) keeps every département's and région's ensemble total visible.
        SampleTables trial = new SampleTables(List.of("a", "b"), List.of("mutation", "hors_mutation"), ALL, true, null)
                .communeColumns("01001", null, "01", "84", Map.of(
                        "a", n("mutation", 3, "hors_mutation", 40), "b", n("mutation", 0, "hors_mutation", 50)))
                .communeColumns("01002", null, "01", "84", Map.of(
                        "a", n("mutation", 0, "hors_mutation", 45), "b", n("mutation", 2, "hors_mutation", 60)))
                .communeColumns("02001", null, "02", "84", Map.of(
                        "a", n("mutation", 30, "hors_mutation", 40), "b", n("mutation", 25, "hors_mutation", 35)))
                .communeColumns("02002", null, "02", "84", Map.of(
                        "a", n("mutation", 20, "hors_mutation", 30), "b", n("mutation", 35, "hors_mutation", 50)))
                .communeColumns("03001", null, "03", "93", Map.of(
                        "a", n("mutation", 40, "hors_mutation", 50), "b", n("mutation", 45, "hors_mutation", 60)));
        List<RapportTable> t = protectedAndChecked(trial, "departement 01 total mutation = 5");
        assertEquals(200L, cell(table(t, Level.DEPARTEMENT, "01"), "total", "ensemble"), "3 + 40 + 50 + 45 + 2 + 60");
        assertNull(cell(table(t, Level.DEPARTEMENT, "01"), "total", "hors_mutation"));
        assertEquals(265L, cell(table(t, Level.DEPARTEMENT, "02"), "total", "ensemble"));
        assertEquals(465L, cell(table(t, Level.REGION, "84"), "total", "ensemble"));
        assertEquals(115L, cell(table(t, Level.REGION, "84"), "total", "mutation"));
        assertEquals(List.of(), table(t, Level.NATIONAL, "FR").masks(), "nothing masked at national level");
    }

    @Test
    void aRareCategoryOfADepartementIsProtectedOnItsSplitKeepingEveryEnsembleVisible() {
        // Région 84: départements 01 and 02 count 3 and 2 mutations of the rare category r, each in a
        // commune holding nothing else (01001, 02001); their other communes hold the rest; 04, in the
        // région too, and 03, in another, are large. 01's r mutation 3 = its r ensemble 43 − hors 40.
        // No commune holds both r's mutations and another line's hors-mutation, so a witness between
        // two communes must move r's unit to another line within the mutation column, changing the
        // ensembles of r and of that line in 01 and 02: they would be masked. Split between communes
        // (01001 and 02002 move the mutation, 01002 and 02002 the hors-mutation back), it changes the
        // mutation and hors-mutation cells only: every ensemble stays visible, and so does its share.
        SampleTables trial = new SampleTables(List.of("a", "b", "r"), List.of("mutation", "hors_mutation"), ALL, true, null)
                .communeColumns("01001", null, "01", "84", Map.of("r", n("mutation", 3, "hors_mutation", 0)))
                .communeColumns("01002", null, "01", "84", Map.of("a", n("mutation", 30, "hors_mutation", 40),
                        "b", n("mutation", 50, "hors_mutation", 60), "r", n("mutation", 0, "hors_mutation", 40)))
                .communeColumns("02001", null, "02", "84", Map.of("r", n("mutation", 2, "hors_mutation", 0)))
                .communeColumns("02002", null, "02", "84", Map.of("a", n("mutation", 35, "hors_mutation", 45),
                        "b", n("mutation", 55, "hors_mutation", 65), "r", n("mutation", 0, "hors_mutation", 30)))
                .communeColumns("04001", null, "04", "84", Map.of("a", n("mutation", 40, "hors_mutation", 50),
                        "b", n("mutation", 60, "hors_mutation", 70), "r", n("mutation", 20, "hors_mutation", 20)))
                .communeColumns("03001", null, "03", "93", Map.of("a", n("mutation", 40, "hors_mutation", 50),
                        "b", n("mutation", 60, "hors_mutation", 70), "r", n("mutation", 20, "hors_mutation", 20)));
        List<RapportTable> t = protectedAndChecked(trial, "departement 01 r mutation = 3");
        RapportTable d01 = table(t, Level.DEPARTEMENT, "01"), d02 = table(t, Level.DEPARTEMENT, "02");
        assertNull(cell(d01, "r", "mutation"));
        assertNull(cell(d02, "r", "mutation"));
        assertEquals(43L, cell(d01, "r", "ensemble"), "3 + 40");
        assertEquals(70L, cell(d01, "a", "ensemble"), "30 + 40");
        assertEquals(110L, cell(d01, "b", "ensemble"), "50 + 60");
        assertEquals(32L, cell(d02, "r", "ensemble"), "2 + 30");
        assertEquals(80L, cell(d02, "a", "ensemble"), "35 + 45");
        assertEquals(120L, cell(d02, "b", "ensemble"), "55 + 65");
        assertEquals(4, d01.masks().size(), "r and a, mutation and hors-mutation: " + d01.masks());
        assertEquals(4, d02.masks().size(), "r and a, mutation and hors-mutation: " + d02.masks());
        assertEquals(List.of(), table(t, Level.DEPARTEMENT, "04").masks());
        assertEquals(List.of(), table(t, Level.REGION, "84").masks());
    }

    @Test
    void aSmallDepartementPairsWithAnotherSmallOneNotWithTheLargestOfItsRegion() {
        // Région 84: 01 (a 3) and 03 (a 4) are small on line a; 02 holds 30 small communes listed
        // first (smallest first). 01's a needs a partner département: 02 would mask its a and b
        // (30 each), 03 its b alone (its a is primary). Candidates are taken a few per département,
        // so 03 is among them: 01 and 03 protect each other, 02's cells stay visible.
        SampleTables trial = new SampleTables(ABC, ALL).commune("01001", null, "01", "84", n("a", 3, "b", 30, "c", 30));
        for (int i = 1; i <= 30; i++) {
            trial.commune(String.format("02%03d", i), null, "02", "84", n("a", 1, "b", 1, "c", 1));
        }
        trial.commune("03001", null, "03", "84", n("a", 4, "b", 40, "c", 40));
        List<RapportTable> t = protectedAndChecked(trial, "departement 01 a n = 3");
        RapportTable d02 = table(t, Level.DEPARTEMENT, "02");
        assertEquals(List.of(), d02.masks(), "02 keeps every cell: a, b, c = 30");
        assertNull(cell(table(t, Level.DEPARTEMENT, "03"), "a", "n"));
        assertEquals(List.of(), table(t, Level.REGION, "84").masks());
    }

    @Test
    void theSameDataGivesTheSamePattern() {
        SampleTables trial = new SampleTables(ABC, ALL)
                .commune("01001", "200000001", "01", "84", n("a", 4, "b", 30, "c", 7))
                .commune("01002", "200000001", "01", "84", n("a", 20, "b", 9, "c", 30))
                .commune("01003", "200000002", "01", "84", n("a", 25, "b", 30, "c", 30))
                .commune("39001", "200000002", "39", "27", n("a", 2, "b", 30, "c", 30));
        List<List<RapportTable.Mask>> first = trial.protect().stream().map(RapportTable::masks).toList();
        List<List<RapportTable.Mask>> second = trial.protect().stream().map(RapportTable::masks).toList();
        assertEquals(first.stream().map(java.util.Set::copyOf).toList(), second.stream().map(java.util.Set::copyOf).toList());
        assertEquals(List.of(), trial.disclosedCells(trial.protect()));
    }

    @Test
    void anAccountingIdentityBetweenLinesIsTakenIntoAccount() {
        // debut + entrees = sorties + fin (as TAB01-01): with fin = 5 masked alone, 30 + 12 − 37 gives it back.
        RapportDefinition.Identity identity = new RapportDefinition.Identity(List.of("debut", "entrees"),
                List.of("sorties", "fin"));
        SampleTables trial = new SampleTables(List.of("debut", "entrees", "sorties", "fin"), List.of("n"),
                List.of(Level.NATIONAL, Level.REGION), false, identity)
                .commune("01001", "200000001", "01", "84", n("debut", 30, "entrees", 12, "sorties", 37, "fin", 5))
                .commune("39001", "200000002", "39", "27", n("debut", 60, "entrees", 25, "sorties", 40, "fin", 45));
        List<RapportTable> t = protectedAndChecked(trial, "region 84 fin n = 5");
        assertFalse(t.isEmpty());
    }
}
