package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;


import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static fr.infocentre.warehouse.fixtures.Cells.cell;
import static fr.infocentre.warehouse.fixtures.Cells.column;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series 02 (TAB02-01, TAB02-02, TAB02-04, TAB02-05) on the mini extract; expected figures worked
 * out by hand in src/test/resources/attendus-series-01-02.md (TAB02-03: Tab0203Test).
 */
class Tab02SeriesTest {

    private static RapportTable compute(String id, Level level, String code, int millesime) {
        return MiniWarehouse.unprotected().compute(id, level, code, millesime);
    }

    private static RapportTable rhone(String id) {
        return compute(id, Level.DEPARTEMENT, "69", 2024);
    }

    // ---- TAB02-01

    @Test
    void tab0201National() {
        RapportTable t = compute("TAB02-01", Level.NATIONAL, "FR", 2024);
        assertEquals(List.of("T1", "T2", "T3", "T4"), Cells.keys(t));
        column(t, "ensemble", 29, 28, 28, 28);
        column(t, "mutation", 15, 12, 11, 10);
        column(t, "hors_mutation", 14, 16, 17, 18);
        assertEquals("30 septembre 2024", Cells.line(t, "T3").get("categorie"));
        assertNull(t.total());
    }

    @Test
    void tab0201RegionDepartementEpci() {
        for (RapportTable t : List.of(compute("TAB02-01", Level.REGION, "93", 2024),
                compute("TAB02-01", Level.DEPARTEMENT, "06", 2024))) {
            column(t, "ensemble", 12, 14, 15, 14);
            column(t, "mutation", 6, 6, 5, 4);
            column(t, "hors_mutation", 6, 8, 10, 10);
        }
        RapportTable nice = compute("TAB02-01", Level.EPCI, METROPOLE_NICE, 2024);
        column(nice, "mutation", 5, 5, 4, 3);
        column(nice, "hors_mutation", 6, 8, 9, 9);
        for (RapportTable t : List.of(rhone("TAB02-01"), compute("TAB02-01", Level.EPCI, METROPOLE_LYON, 2024))) {
            column(t, "mutation", 9, 6, 6, 6);
            column(t, "hors_mutation", 8, 8, 7, 8);
        }
    }

    // ---- TAB02-02

    @Test
    void tab0202NationalLeavesTheYearBeforeTheHistoryEmpty() {
        RapportTable t = compute("TAB02-02", Level.NATIONAL, "FR", 2024);
        assertEquals(List.of("N_MOINS_2", "N_MOINS_1", "N"), Cells.keys(t));
        assertEquals(List.of("31 décembre 2022", "31 décembre 2023", "31 décembre 2024"),
                t.lines().stream().map(l -> l.get("categorie")).toList());
        assertNull(cell(t, "N_MOINS_2", "effectif"));
        assertNull(cell(t, "N_MOINS_2", "evolution"));
        assertEquals(25L, cell(t, "N_MOINS_1", "effectif"));
        assertNull(cell(t, "N_MOINS_1", "evolution"), "no 2022 figure to compare with");
        assertEquals(28L, cell(t, "N", "effectif"));
        assertEquals(12.0, cell(t, "N", "evolution"));
        assertTrue(t.masks().isEmpty(), "empty cells are not masked cells");
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("L'année 2022 n'est pas couverte")), t.notes().toString());
    }

    @Test
    void tab0202RegionDepartementEpci() {
        RapportTable t = compute("TAB02-02", Level.REGION, "93", 2024);
        assertEquals(11L, cell(t, "N_MOINS_1", "effectif"));
        assertEquals(14L, cell(t, "N", "effectif"));
        assertEquals(27.3, cell(t, "N", "evolution"));
        RapportTable nice = compute("TAB02-02", Level.EPCI, METROPOLE_NICE, 2024);
        assertEquals(9L, cell(nice, "N_MOINS_1", "effectif"));
        assertEquals(33.3, cell(nice, "N", "evolution"));
        RapportTable rhone = rhone("TAB02-02");
        assertEquals(14L, cell(rhone, "N_MOINS_1", "effectif"));
        assertEquals(0.0, cell(rhone, "N", "evolution"));
    }

    @Test
    void tab0202FirstMillesimeHasTwoEmptyYears() {
        RapportTable t = compute("TAB02-02", Level.NATIONAL, "FR", 2023);
        assertNull(cell(t, "N_MOINS_2", "effectif"));
        assertNull(cell(t, "N_MOINS_1", "effectif"));
        assertEquals(25L, cell(t, "N", "effectif"));
        assertNull(cell(t, "N", "evolution"));
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Les années 2021, 2022 ne sont pas couvertes")),
                t.notes().toString());
    }

    // ---- TAB02-04

    @Test
    void tab0204National() {
        RapportTable t = compute("TAB02-04", Level.NATIONAL, "FR", 2024);
        column(t, "nouvelles", 2, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        column(t, "attributions", 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1);
    }

    @Test
    void tab0204RegionDepartementEpci() {
        for (RapportTable t : List.of(compute("TAB02-04", Level.REGION, "93", 2024),
                compute("TAB02-04", Level.DEPARTEMENT, "06", 2024))) {
            column(t, "nouvelles", 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0);
            column(t, "attributions", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        }
        RapportTable nice = compute("TAB02-04", Level.EPCI, METROPOLE_NICE, 2024);
        column(nice, "nouvelles", 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0);
        column(nice, "attributions", 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        for (RapportTable t : List.of(rhone("TAB02-04"), compute("TAB02-04", Level.EPCI, METROPOLE_LYON, 2024))) {
            column(t, "nouvelles", 1, 1, 2, 0, 1, 0, 1, 0, 0, 1, 0, 1);
            column(t, "attributions", 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0);
        }
    }

    // ---- TAB02-05

    @Test
    void tab0205National() {
        RapportTable t = compute("TAB02-05", Level.NATIONAL, "FR", 2024);
        assertEquals(List.of("2020", "2021", "2022", "2023", "2024"),
                t.lines().stream().map(l -> l.get("categorie")).toList());
        for (String millesime : List.of("N_MOINS_4", "N_MOINS_3", "N_MOINS_2")) {
            for (String c : List.of("demandes", "attributions", "pression")) {
                assertNull(cell(t, millesime, c), millesime + " " + c);
            }
        }
        values(t, "N_MOINS_1", 25L, 1L, 25.0);
        values(t, "N", 28L, 8L, 3.5);
        assertTrue(t.masks().isEmpty());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Les années 2020, 2021, 2022 ne sont pas couvertes")),
                t.notes().toString());
    }

    @Test
    void tab0205RegionDepartementEpci() {
        RapportTable t = compute("TAB02-05", Level.REGION, "93", 2024);
        values(t, "N_MOINS_1", 11L, 1L, 11.0);
        values(t, "N", 14L, 3L, 4.7);
        RapportTable nice = compute("TAB02-05", Level.EPCI, METROPOLE_NICE, 2024);
        values(nice, "N_MOINS_1", 9L, 1L, 9.0);
        values(nice, "N", 12L, 2L, 6.0);
        RapportTable rhone = rhone("TAB02-05");
        values(rhone, "N_MOINS_1", 14L, 0L, null);
        values(rhone, "N", 14L, 5L, 2.8);
        assertTrue(rhone.masks().isEmpty(), "an undefined pressure (no attribution) is not a masked cell");
    }

    private static void values(RapportTable t, String line, Object... expected) {
        List<String> columns = List.of("demandes", "attributions", "pression");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], cell(t, line, columns.get(i)),
                    t.territoire().code() + " " + line + " " + columns.get(i) + " " + Arrays.toString(expected));
        }
    }
}
