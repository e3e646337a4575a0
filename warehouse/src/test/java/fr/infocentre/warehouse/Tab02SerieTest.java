package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static fr.infocentre.warehouse.Cellules.cellule;
import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series 02 (TAB02-01, TAB02-02, TAB02-04, TAB02-05) on the mini extract; expected figures worked
 * out by hand in src/test/resources/attendus-series-01-02.md (TAB02-03: Tab0203Test).
 */
class Tab02SerieTest {

    private static RapportTable calculer(String id, Niveau niveau, String code, int annee) {
        return EntrepotMini.nonProtege().calculer(id, niveau, code, annee);
    }

    private static RapportTable rhone(String id) {
        return calculer(id, Niveau.DEPARTEMENT, "69", 2024);
    }

    // ---- TAB02-01

    @Test
    void tab0201National() {
        RapportTable t = calculer("TAB02-01", Niveau.NATIONAL, "FR", 2024);
        assertEquals(List.of("T1", "T2", "T3", "T4"), Cellules.cles(t));
        colonne(t, "ensemble", 29, 28, 28, 28);
        colonne(t, "mutation", 15, 12, 11, 10);
        colonne(t, "hors_mutation", 14, 16, 17, 18);
        assertEquals("30 septembre 2024", Cellules.ligne(t, "T3").get("categorie"));
        assertNull(t.total());
    }

    @Test
    void tab0201RegionDepartementEpci() {
        for (RapportTable t : List.of(calculer("TAB02-01", Niveau.REGION, "93", 2024),
                calculer("TAB02-01", Niveau.DEPARTEMENT, "06", 2024))) {
            colonne(t, "ensemble", 12, 14, 15, 14);
            colonne(t, "mutation", 6, 6, 5, 4);
            colonne(t, "hors_mutation", 6, 8, 10, 10);
        }
        RapportTable nice = calculer("TAB02-01", Niveau.EPCI, METROPOLE_NICE, 2024);
        colonne(nice, "mutation", 5, 5, 4, 3);
        colonne(nice, "hors_mutation", 6, 8, 9, 9);
        for (RapportTable t : List.of(rhone("TAB02-01"), calculer("TAB02-01", Niveau.EPCI, METROPOLE_LYON, 2024))) {
            colonne(t, "mutation", 9, 6, 6, 6);
            colonne(t, "hors_mutation", 8, 8, 7, 8);
        }
    }

    // ---- TAB02-02

    @Test
    void tab0202NationalLeavesTheYearBeforeTheHistoryEmpty() {
        RapportTable t = calculer("TAB02-02", Niveau.NATIONAL, "FR", 2024);
        assertEquals(List.of("N_MOINS_2", "N_MOINS_1", "N"), Cellules.cles(t));
        assertEquals(List.of("31 décembre 2022", "31 décembre 2023", "31 décembre 2024"),
                t.lignes().stream().map(l -> l.get("categorie")).toList());
        assertNull(cellule(t, "N_MOINS_2", "effectif"));
        assertNull(cellule(t, "N_MOINS_2", "evolution"));
        assertEquals(25L, cellule(t, "N_MOINS_1", "effectif"));
        assertNull(cellule(t, "N_MOINS_1", "evolution"), "no 2022 figure to compare with");
        assertEquals(28L, cellule(t, "N", "effectif"));
        assertEquals(12.0, cellule(t, "N", "evolution"));
        assertTrue(t.masques().isEmpty(), "empty cells are not masked cells");
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("L'année 2022 n'est pas couverte")), t.notes().toString());
    }

    @Test
    void tab0202RegionDepartementEpci() {
        RapportTable t = calculer("TAB02-02", Niveau.REGION, "93", 2024);
        assertEquals(11L, cellule(t, "N_MOINS_1", "effectif"));
        assertEquals(14L, cellule(t, "N", "effectif"));
        assertEquals(27.3, cellule(t, "N", "evolution"));
        RapportTable nice = calculer("TAB02-02", Niveau.EPCI, METROPOLE_NICE, 2024);
        assertEquals(9L, cellule(nice, "N_MOINS_1", "effectif"));
        assertEquals(33.3, cellule(nice, "N", "evolution"));
        RapportTable rhone = rhone("TAB02-02");
        assertEquals(14L, cellule(rhone, "N_MOINS_1", "effectif"));
        assertEquals(0.0, cellule(rhone, "N", "evolution"));
    }

    @Test
    void tab0202FirstMillesimeHasTwoEmptyYears() {
        RapportTable t = calculer("TAB02-02", Niveau.NATIONAL, "FR", 2023);
        assertNull(cellule(t, "N_MOINS_2", "effectif"));
        assertNull(cellule(t, "N_MOINS_1", "effectif"));
        assertEquals(25L, cellule(t, "N", "effectif"));
        assertNull(cellule(t, "N", "evolution"));
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Les années 2021, 2022 ne sont pas couvertes")),
                t.notes().toString());
    }

    // ---- TAB02-04

    @Test
    void tab0204National() {
        RapportTable t = calculer("TAB02-04", Niveau.NATIONAL, "FR", 2024);
        colonne(t, "nouvelles", 2, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        colonne(t, "attributions", 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1);
    }

    @Test
    void tab0204RegionDepartementEpci() {
        for (RapportTable t : List.of(calculer("TAB02-04", Niveau.REGION, "93", 2024),
                calculer("TAB02-04", Niveau.DEPARTEMENT, "06", 2024))) {
            colonne(t, "nouvelles", 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0);
            colonne(t, "attributions", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        }
        RapportTable nice = calculer("TAB02-04", Niveau.EPCI, METROPOLE_NICE, 2024);
        colonne(nice, "nouvelles", 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0);
        colonne(nice, "attributions", 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        for (RapportTable t : List.of(rhone("TAB02-04"), calculer("TAB02-04", Niveau.EPCI, METROPOLE_LYON, 2024))) {
            colonne(t, "nouvelles", 1, 1, 2, 0, 1, 0, 1, 0, 0, 1, 0, 1);
            colonne(t, "attributions", 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0);
        }
    }

    // ---- TAB02-05

    @Test
    void tab0205National() {
        RapportTable t = calculer("TAB02-05", Niveau.NATIONAL, "FR", 2024);
        assertEquals(List.of("2020", "2021", "2022", "2023", "2024"),
                t.lignes().stream().map(l -> l.get("categorie")).toList());
        for (String annee : List.of("N_MOINS_4", "N_MOINS_3", "N_MOINS_2")) {
            for (String c : List.of("demandes", "attributions", "pression")) {
                assertNull(cellule(t, annee, c), annee + " " + c);
            }
        }
        valeurs(t, "N_MOINS_1", 25L, 1L, 25.0);
        valeurs(t, "N", 28L, 8L, 3.5);
        assertTrue(t.masques().isEmpty());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("Les années 2020, 2021, 2022 ne sont pas couvertes")),
                t.notes().toString());
    }

    @Test
    void tab0205RegionDepartementEpci() {
        RapportTable t = calculer("TAB02-05", Niveau.REGION, "93", 2024);
        valeurs(t, "N_MOINS_1", 11L, 1L, 11.0);
        valeurs(t, "N", 14L, 3L, 4.7);
        RapportTable nice = calculer("TAB02-05", Niveau.EPCI, METROPOLE_NICE, 2024);
        valeurs(nice, "N_MOINS_1", 9L, 1L, 9.0);
        valeurs(nice, "N", 12L, 2L, 6.0);
        RapportTable rhone = rhone("TAB02-05");
        valeurs(rhone, "N_MOINS_1", 14L, 0L, null);
        valeurs(rhone, "N", 14L, 5L, 2.8);
        assertTrue(rhone.masques().isEmpty(), "an undefined pressure (no attribution) is not a masked cell");
    }

    private static void valeurs(RapportTable t, String ligne, Object... attendues) {
        List<String> colonnes = List.of("demandes", "attributions", "pression");
        for (int i = 0; i < attendues.length; i++) {
            assertEquals(attendues[i], cellule(t, ligne, colonnes.get(i)),
                    t.territoire().code() + " " + ligne + " " + colonnes.get(i) + " " + Arrays.toString(attendues));
        }
    }
}
