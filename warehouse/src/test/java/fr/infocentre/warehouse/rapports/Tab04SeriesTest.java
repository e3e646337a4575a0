package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series04Checks;
import fr.infocentre.warehouse.fixtures.Series04Expected;
import fr.infocentre.warehouse.secret.SecretStatistique;


import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.fixtures.MiniWarehouse.LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_LYON;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.METROPOLE_NICE;
import static fr.infocentre.warehouse.fixtures.MiniWarehouse.VILLEURBANNE;
import static fr.infocentre.warehouse.fixtures.Series04Checks.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series 04 (TAB04-02 … TAB04-14 but 08, 10, 15) on the mini extract, 2024. The 8 attributions: N12
 * Nice M, N16 Nice H, A03 Antibes H, L12 Lyon M, L13 Villeurbanne H, L17 Lyon H, L18 Lyon M, V04
 * Villeurbanne M (M = mutation). Expected figures worked out by hand in
 * src/test/resources/attendus-serie-04.md (section 1), and checked again for every territory against
 * a plain-Java reading of the fixture ({@link Series04Expected}).
 */
class Tab04SeriesTest {

    private static final Series04Expected EXPECTED = new Series04Expected(MiniWarehouse.EXTRACT, 2024);

    private static RapportTable compute(String id, Level level, String code) {
        return MiniWarehouse.unprotected().compute(id, level, code, 2024);
    }

    private static List<RapportTable> departement06(String id) {
        return List.of(compute(id, Level.REGION, "93"), compute(id, Level.DEPARTEMENT, "06"));
    }

    private static List<RapportTable> departement69(String id) {
        return List.of(compute(id, Level.REGION, "84"), compute(id, Level.DEPARTEMENT, "69"),
                compute(id, Level.EPCI, METROPOLE_LYON));
    }

    private static long[] n(long... v) {
        return v;
    }

    private static double[] p(double... v) {
        return v;
    }

    private static final List<String> AGES = List.of("MOINS_25", "25_29", "30_39", "40_49", "50_64", "65_74",
            "75_PLUS", "NON_RENSEIGNE");

    @Test
    void tab0402TrancheAge() {
        table(compute("TAB04-02", Level.NATIONAL, "FR"), AGES, n(2, 1, 1, 4, 0, 0, 0, 0),
                p(25.0, 12.5, 12.5, 50.0, 0.0, 0.0, 0.0, 0.0), n(0, 1, 1, 2, 0, 0, 0, 0), n(2, 0, 0, 2, 0, 0, 0, 0));
        for (RapportTable t : departement06("TAB04-02")) {
            table(t, AGES, n(1, 1, 0, 1, 0, 0, 0, 0), p(33.3, 33.3, 0.0, 33.3, 0.0, 0.0, 0.0, 0.0),
                    n(0, 1, 0, 0, 0, 0, 0, 0), n(1, 0, 0, 1, 0, 0, 0, 0));
        }
        for (RapportTable t : departement69("TAB04-02")) {
            table(t, AGES, n(1, 0, 1, 3, 0, 0, 0, 0), p(20.0, 0.0, 20.0, 60.0, 0.0, 0.0, 0.0, 0.0),
                    n(0, 0, 1, 2, 0, 0, 0, 0), n(1, 0, 0, 1, 0, 0, 0, 0));
        }
        table(compute("TAB04-02", Level.EPCI, METROPOLE_NICE), AGES, n(1, 1, 0, 0, 0, 0, 0, 0),
                p(50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), n(0, 1, 0, 0, 0, 0, 0, 0), n(1, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void tab0402CommuneOfLyonIsMasked() {
        // L12 (dwelling in the 2nd arrondissement, rolled up) 41 M, L17 22 H, L18 48 M: as published
        RapportTable t = MiniWarehouse.warehouse().compute("TAB04-02", Level.COMMUNE, LYON, 2024);
        Cells.published(t, "effectif", null, 0L, 0L, null, 0L, 0L, 0L, 0L);
        Cells.published(t, "part", null, null, null, null, null, null, null, null);
        Cells.published(t, "mutation", 0L, 0L, 0L, null, 0L, 0L, 0L, 0L);
        Cells.published(t, "hors_mutation", null, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertNull(t.total().get("effectif"));
        assertNull(t.total().get("mutation"));
        assertNull(t.total().get("hors_mutation"));
        assertTrue(t.masks().contains(new RapportTable.Mask("total", "effectif")));
        assertTrue(t.notes().contains(SecretStatistique.NOTE));
    }

    @Test
    void tab0403Nationalite() {
        List<String> keys = List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE");
        RapportTable t = compute("TAB04-03", Level.NATIONAL, "FR");
        table(t, keys, n(2, 2, 4, 0), p(25.0, 25.0, 50.0, 0.0), n(2, 1, 1, 0), n(0, 1, 3, 0));
        assertEquals("Française", Cells.line(t, "FR").get("categorie"));
        for (RapportTable d : departement06("TAB04-03")) {
            table(d, keys, n(0, 1, 2, 0), p(0.0, 33.3, 66.7, 0.0), n(0, 0, 1, 0), n(0, 1, 1, 0));
        }
        for (RapportTable d : departement69("TAB04-03")) {
            table(d, keys, n(2, 1, 2, 0), p(40.0, 20.0, 40.0, 0.0), n(2, 1, 0, 0), n(0, 0, 2, 0));
        }
    }

    @Test
    void tab0404TailleMenage() {
        List<String> keys = List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE");
        table(compute("TAB04-04", Level.NATIONAL, "FR"), keys, n(1, 1, 2, 4, 0, 0, 0),
                p(12.5, 12.5, 25.0, 50.0, 0.0, 0.0, 0.0), n(1, 1, 1, 1, 0, 0, 0), n(0, 0, 1, 3, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-04")) {
            table(d, keys, n(0, 0, 1, 2, 0, 0, 0), p(0.0, 0.0, 33.3, 66.7, 0.0, 0.0, 0.0),
                    n(0, 0, 0, 1, 0, 0, 0), n(0, 0, 1, 1, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-04")) {
            table(d, keys, n(1, 1, 1, 2, 0, 0, 0), p(20.0, 20.0, 20.0, 40.0, 0.0, 0.0, 0.0),
                    n(1, 1, 1, 0, 0, 0, 0), n(0, 0, 0, 2, 0, 0, 0));
        }
    }

    @Test
    void tab0405CompositionFamiliale() {
        List<String> keys = List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE");
        table(compute("TAB04-05", Level.NATIONAL, "FR"), keys, n(1, 3, 2, 2, 0, 0),
                p(12.5, 37.5, 25.0, 25.0, 0.0, 0.0), n(1, 1, 1, 1, 0, 0), n(0, 2, 1, 1, 0, 0));
        for (RapportTable d : departement06("TAB04-05")) {
            table(d, keys, n(0, 1, 1, 1, 0, 0), p(0.0, 33.3, 33.3, 33.3, 0.0, 0.0), n(0, 0, 1, 0, 0, 0),
                    n(0, 1, 0, 1, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-05")) {
            table(d, keys, n(1, 2, 1, 1, 0, 0), p(20.0, 40.0, 20.0, 20.0, 0.0, 0.0), n(1, 1, 0, 1, 0, 0),
                    n(0, 1, 1, 0, 0, 0));
        }
    }

    @Test
    void tab0406SituationProfessionnelle() {
        List<String> keys = List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT", "CHOMAGE",
                "RETRAITE", "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE");
        table(compute("TAB04-06", Level.NATIONAL, "FR"), keys, n(1, 4, 0, 1, 2, 0, 0, 0),
                p(12.5, 50.0, 0.0, 12.5, 25.0, 0.0, 0.0, 0.0), n(1, 1, 0, 1, 1, 0, 0, 0), n(0, 3, 0, 0, 1, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-06")) {
            table(d, keys, n(0, 2, 0, 0, 1, 0, 0, 0), p(0.0, 66.7, 0.0, 0.0, 33.3, 0.0, 0.0, 0.0),
                    n(0, 1, 0, 0, 0, 0, 0, 0), n(0, 1, 0, 0, 1, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-06")) {
            table(d, keys, n(1, 2, 0, 1, 1, 0, 0, 0), p(20.0, 40.0, 0.0, 20.0, 20.0, 0.0, 0.0, 0.0),
                    n(1, 0, 0, 1, 1, 0, 0, 0), n(0, 2, 0, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void tab0407RevenusMensuels() {
        List<String> keys = List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999",
                "3000_PLUS", "NON_RENSEIGNE");
        table(compute("TAB04-07", Level.NATIONAL, "FR"), keys, n(0, 0, 0, 2, 1, 5, 0, 0),
                p(0.0, 0.0, 0.0, 25.0, 12.5, 62.5, 0.0, 0.0), n(0, 0, 0, 1, 0, 3, 0, 0), n(0, 0, 0, 1, 1, 2, 0, 0));
        for (RapportTable d : departement06("TAB04-07")) {
            table(d, keys, n(0, 0, 0, 2, 1, 0, 0, 0), p(0.0, 0.0, 0.0, 66.7, 33.3, 0.0, 0.0, 0.0),
                    n(0, 0, 0, 1, 0, 0, 0, 0), n(0, 0, 0, 1, 1, 0, 0, 0));
        }
        table(compute("TAB04-07", Level.EPCI, METROPOLE_LYON), keys, n(0, 0, 0, 0, 0, 5, 0, 0),
                p(0.0, 0.0, 0.0, 0.0, 0.0, 100.0, 0.0, 0.0), n(0, 0, 0, 0, 0, 3, 0, 0), n(0, 0, 0, 0, 0, 2, 0, 0));
    }

    @Test
    void tab0409LogementAvantAttribution() {
        List<String> keys = List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE", "SANS_ABRI_MOBILE_SANS_TITRE",
                "AUTRE", "NON_RENSEIGNE");
        RapportTable france = compute("TAB04-09", Level.NATIONAL, "FR");
        assertEquals("Logement avant attribution", france.columns().get(0).label(), "the rapport's own header");
        assertEquals("Logement actuel", compute("TAB03-10", Level.NATIONAL, "FR").columns().get(0).label(),
                "the dimension's header elsewhere");
        table(france, keys, n(4, 3, 0, 1, 0, 0, 0, 0, 0, 0),
                p(50.0, 37.5, 0.0, 12.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), null, null);
        for (RapportTable d : departement06("TAB04-09")) {
            table(d, keys, n(1, 2, 0, 0, 0, 0, 0, 0, 0, 0), p(33.3, 66.7, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                    null, null);
        }
        for (RapportTable d : departement69("TAB04-09")) {
            table(d, keys, n(3, 1, 0, 1, 0, 0, 0, 0, 0, 0), p(60.0, 20.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                    null, null);
        }
    }

    @Test
    void tab0411TypologieAttribuee() {
        List<String> keys = List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE");
        table(compute("TAB04-11", Level.NATIONAL, "FR"), keys, n(0, 0, 8, 0, 0, 0, 0),
                p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 4, 0, 0, 0, 0), n(0, 0, 4, 0, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-11")) {
            table(d, keys, n(0, 0, 3, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 1, 0, 0, 0, 0),
                    n(0, 0, 2, 0, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-11")) {
            table(d, keys, n(0, 0, 5, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 3, 0, 0, 0, 0),
                    n(0, 0, 2, 0, 0, 0, 0));
        }
    }

    @Test
    void tab0412Mutation() {
        List<String> keys = List.of("MUTATION", "HORS_MUTATION");
        table(compute("TAB04-12", Level.NATIONAL, "FR"), keys, n(4, 4), p(50.0, 50.0), null, null);
        for (RapportTable d : departement06("TAB04-12")) {
            table(d, keys, n(1, 2), p(33.3, 66.7), null, null);
        }
        for (RapportTable d : departement69("TAB04-12")) {
            table(d, keys, n(3, 2), p(60.0, 40.0), null, null);
        }
        table(compute("TAB04-12", Level.EPCI, METROPOLE_NICE), keys, n(1, 1), p(50.0, 50.0), null, null);
        Cells.published(compute("TAB04-12", Level.COMMUNE, VILLEURBANNE), "effectif", 1L, 1L);
        // Villeurbanne as published: V04 (M) and L13 (H), both masked, zeros none
        Cells.published(MiniWarehouse.warehouse().compute("TAB04-12", Level.COMMUNE, VILLEURBANNE, 2024),
                "effectif", null, null);
    }

    @Test
    void tab0413Qpv() {
        List<String> keys = List.of("QPV", "HORS_QPV", "NON_RENSEIGNE");
        table(compute("TAB04-13", Level.NATIONAL, "FR"), keys, n(0, 8, 0), p(0.0, 100.0, 0.0), n(0, 4, 0),
                n(0, 4, 0));
        for (RapportTable d : departement06("TAB04-13")) {
            table(d, keys, n(0, 3, 0), p(0.0, 100.0, 0.0), n(0, 1, 0), n(0, 2, 0));
        }
        for (RapportTable d : departement69("TAB04-13")) {
            table(d, keys, n(0, 5, 0), p(0.0, 100.0, 0.0), n(0, 3, 0), n(0, 2, 0));
        }
    }

    @Test
    void tab0414DaloPrioritaires() {
        List<String> keys = List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE");
        table(compute("TAB04-14", Level.NATIONAL, "FR"), keys, n(0, 0, 8, 0), p(0.0, 0.0, 100.0, 0.0),
                n(0, 0, 4, 0), n(0, 0, 4, 0));
        for (RapportTable d : departement06("TAB04-14")) {
            table(d, keys, n(0, 0, 3, 0), p(0.0, 0.0, 100.0, 0.0), n(0, 0, 1, 0), n(0, 0, 2, 0));
        }
        for (RapportTable d : departement69("TAB04-14")) {
            table(d, keys, n(0, 0, 5, 0), p(0.0, 0.0, 100.0, 0.0), n(0, 0, 3, 0), n(0, 0, 2, 0));
        }
    }

    @Test
    void everyTotalEqualsTab0410sTotalForEveryTerritory() {
        Warehouse w = MiniWarehouse.unprotected();
        for (Territoire ter : Series04Checks.territoires(w)) {
            RapportTable reservataire = w.compute("TAB04-10", ter.level(), ter.code(), 2024);
            for (String id : Series04Checks.RAPPORTS) {
                RapportTable t = w.compute(id, ter.level(), ter.code(), 2024);
                assertEquals(reservataire.total().get("effectif"), t.total().get("effectif"),
                        id + " vs TAB04-10 " + ter);
            }
        }
        assertEquals(8L, w.compute("TAB04-10", Level.NATIONAL, "FR", 2024).total().get("effectif"));
    }

    @Test
    void everyTerritoryMatchesThePlainJavaRoute() {
        Warehouse w = MiniWarehouse.unprotected();
        assertEquals(8, EXPECTED.attributions().size(), "N20 (association), N15 (2023), N18 (2025) left out");
        for (Territoire ter : Series04Checks.territoires(w)) {
            for (String id : Series04Checks.RAPPORTS) {
                Series04Checks.asExpected(w.compute(id, ter.level(), ter.code(), 2024), EXPECTED);
            }
        }
    }

    @Test
    void year2023HoldsOnlyN15() {
        // N15: lease 2023-11-15 in Nice, CHEZ_PARENTS (hors mutation), T3, born 1988 (35 in 2023)
        Warehouse w = MiniWarehouse.unprotected();
        RapportTable t = w.compute("TAB04-02", Level.NATIONAL, "FR", 2023);
        table(t, AGES, n(0, 0, 1, 0, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                n(0, 0, 0, 0, 0, 0, 0, 0), n(0, 0, 1, 0, 0, 0, 0, 0));
        assertEquals(1L, w.compute("TAB04-11", Level.NATIONAL, "FR", 2023).total().get("effectif"));
    }

    @Test
    void declaredAsSeries04AtEveryLevel() {
        Warehouse w = MiniWarehouse.unprotected();
        for (String id : Series04Checks.RAPPORTS) {
            Rapport r = w.rapport(id).orElseThrow(() -> new AssertionError(id + " not in the catalogue"));
            assertEquals("04", r.series());
            assertEquals(List.of(Level.values()), r.levels(), id);
            assertTrue(r.description().contains("hors associations"), id);
            assertTrue(r.description().contains("commune du logement"), id);
        }
        assertEquals("pie", w.rapport("TAB04-12").orElseThrow().chart());
        assertEquals("pie", w.rapport("TAB04-13").orElseThrow().chart());
    }
}
