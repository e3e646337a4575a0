package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.EntrepotMini.LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static fr.infocentre.warehouse.EntrepotMini.VILLEURBANNE;
import static fr.infocentre.warehouse.Serie04Verifications.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series 04 (TAB04-02 … TAB04-14 but 08, 10, 15) on the mini extract, 2024. The 8 attributions: N12
 * Nice M, N16 Nice H, A03 Antibes H, L12 Lyon M, L13 Villeurbanne H, L17 Lyon H, L18 Lyon M, V04
 * Villeurbanne M (M = mutation). Expected figures worked out by hand in
 * src/test/resources/attendus-serie-04.md (section 1), and checked again for every territory against
 * a plain-Java reading of the fixture ({@link Serie04Attendue}).
 */
class Tab04SerieTest {

    private static final Serie04Attendue ATTENDU = new Serie04Attendue(EntrepotMini.EXTRAIT, 2024);

    private static RapportTable calculer(String id, Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer(id, niveau, code, 2024);
    }

    private static List<RapportTable> departement06(String id) {
        return List.of(calculer(id, Niveau.REGION, "93"), calculer(id, Niveau.DEPARTEMENT, "06"));
    }

    private static List<RapportTable> departement69(String id) {
        return List.of(calculer(id, Niveau.REGION, "84"), calculer(id, Niveau.DEPARTEMENT, "69"),
                calculer(id, Niveau.EPCI, METROPOLE_LYON));
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
        table(calculer("TAB04-02", Niveau.NATIONAL, "FR"), AGES, n(2, 1, 1, 4, 0, 0, 0, 0),
                p(25.0, 12.5, 12.5, 50.0, 0.0, 0.0, 0.0, 0.0), n(0, 1, 1, 2, 0, 0, 0, 0), n(2, 0, 0, 2, 0, 0, 0, 0));
        for (RapportTable t : departement06("TAB04-02")) {
            table(t, AGES, n(1, 1, 0, 1, 0, 0, 0, 0), p(33.3, 33.3, 0.0, 33.3, 0.0, 0.0, 0.0, 0.0),
                    n(0, 1, 0, 0, 0, 0, 0, 0), n(1, 0, 0, 1, 0, 0, 0, 0));
        }
        for (RapportTable t : departement69("TAB04-02")) {
            table(t, AGES, n(1, 0, 1, 3, 0, 0, 0, 0), p(20.0, 0.0, 20.0, 60.0, 0.0, 0.0, 0.0, 0.0),
                    n(0, 0, 1, 2, 0, 0, 0, 0), n(1, 0, 0, 1, 0, 0, 0, 0));
        }
        table(calculer("TAB04-02", Niveau.EPCI, METROPOLE_NICE), AGES, n(1, 1, 0, 0, 0, 0, 0, 0),
                p(50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), n(0, 1, 0, 0, 0, 0, 0, 0), n(1, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void tab0402CommuneOfLyonIsMasked() {
        // L12 (dwelling in the 2nd arrondissement, rolled up) 41 M, L17 22 H, L18 48 M: as published
        RapportTable t = EntrepotMini.warehouse().calculer("TAB04-02", Niveau.COMMUNE, LYON, 2024);
        Cellules.publiee(t, "effectif", null, 0L, 0L, null, 0L, 0L, 0L, 0L);
        Cellules.publiee(t, "part", null, null, null, null, null, null, null, null);
        Cellules.publiee(t, "mutation", 0L, 0L, 0L, null, 0L, 0L, 0L, 0L);
        Cellules.publiee(t, "hors_mutation", null, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertNull(t.total().get("effectif"));
        assertNull(t.total().get("mutation"));
        assertNull(t.total().get("hors_mutation"));
        assertTrue(t.masques().contains(new RapportTable.Masque("total", "effectif")));
        assertTrue(t.notes().contains(SecretStatistique.NOTE));
    }

    @Test
    void tab0403Nationalite() {
        List<String> cles = List.of("FR", "UE", "HORS_UE", "NON_RENSEIGNE");
        RapportTable t = calculer("TAB04-03", Niveau.NATIONAL, "FR");
        table(t, cles, n(2, 2, 4, 0), p(25.0, 25.0, 50.0, 0.0), n(2, 1, 1, 0), n(0, 1, 3, 0));
        assertEquals("Française", Cellules.ligne(t, "FR").get("categorie"));
        for (RapportTable d : departement06("TAB04-03")) {
            table(d, cles, n(0, 1, 2, 0), p(0.0, 33.3, 66.7, 0.0), n(0, 0, 1, 0), n(0, 1, 1, 0));
        }
        for (RapportTable d : departement69("TAB04-03")) {
            table(d, cles, n(2, 1, 2, 0), p(40.0, 20.0, 40.0, 0.0), n(2, 1, 0, 0), n(0, 0, 2, 0));
        }
    }

    @Test
    void tab0404TailleMenage() {
        List<String> cles = List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE");
        table(calculer("TAB04-04", Niveau.NATIONAL, "FR"), cles, n(1, 1, 2, 4, 0, 0, 0),
                p(12.5, 12.5, 25.0, 50.0, 0.0, 0.0, 0.0), n(1, 1, 1, 1, 0, 0, 0), n(0, 0, 1, 3, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-04")) {
            table(d, cles, n(0, 0, 1, 2, 0, 0, 0), p(0.0, 0.0, 33.3, 66.7, 0.0, 0.0, 0.0),
                    n(0, 0, 0, 1, 0, 0, 0), n(0, 0, 1, 1, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-04")) {
            table(d, cles, n(1, 1, 1, 2, 0, 0, 0), p(20.0, 20.0, 20.0, 40.0, 0.0, 0.0, 0.0),
                    n(1, 1, 1, 0, 0, 0, 0), n(0, 0, 0, 2, 0, 0, 0));
        }
    }

    @Test
    void tab0405CompositionFamiliale() {
        List<String> cles = List.of("PERSONNE_SEULE", "COUPLE_SANS_ENFANT", "COUPLE_AVEC_ENFANTS",
                "FAMILLE_MONOPARENTALE", "AUTRE", "NON_RENSEIGNE");
        table(calculer("TAB04-05", Niveau.NATIONAL, "FR"), cles, n(1, 3, 2, 2, 0, 0),
                p(12.5, 37.5, 25.0, 25.0, 0.0, 0.0), n(1, 1, 1, 1, 0, 0), n(0, 2, 1, 1, 0, 0));
        for (RapportTable d : departement06("TAB04-05")) {
            table(d, cles, n(0, 1, 1, 1, 0, 0), p(0.0, 33.3, 33.3, 33.3, 0.0, 0.0), n(0, 0, 1, 0, 0, 0),
                    n(0, 1, 0, 1, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-05")) {
            table(d, cles, n(1, 2, 1, 1, 0, 0), p(20.0, 40.0, 20.0, 20.0, 0.0, 0.0), n(1, 1, 0, 1, 0, 0),
                    n(0, 1, 1, 0, 0, 0));
        }
    }

    @Test
    void tab0406SituationProfessionnelle() {
        List<String> cles = List.of("CDI_FONCTIONNAIRE", "CDD_INTERIM_APPRENTI", "INDEPENDANT", "CHOMAGE",
                "RETRAITE", "ETUDIANT", "SANS_EMPLOI_AUTRE", "NON_RENSEIGNE");
        table(calculer("TAB04-06", Niveau.NATIONAL, "FR"), cles, n(1, 4, 0, 1, 2, 0, 0, 0),
                p(12.5, 50.0, 0.0, 12.5, 25.0, 0.0, 0.0, 0.0), n(1, 1, 0, 1, 1, 0, 0, 0), n(0, 3, 0, 0, 1, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-06")) {
            table(d, cles, n(0, 2, 0, 0, 1, 0, 0, 0), p(0.0, 66.7, 0.0, 0.0, 33.3, 0.0, 0.0, 0.0),
                    n(0, 1, 0, 0, 0, 0, 0, 0), n(0, 1, 0, 0, 1, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-06")) {
            table(d, cles, n(1, 2, 0, 1, 1, 0, 0, 0), p(20.0, 40.0, 0.0, 20.0, 20.0, 0.0, 0.0, 0.0),
                    n(1, 0, 0, 1, 1, 0, 0, 0), n(0, 2, 0, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void tab0407RevenusMensuels() {
        List<String> cles = List.of("AUCUN", "MOINS_500", "500_999", "1000_1499", "1500_1999", "2000_2999",
                "3000_PLUS", "NON_RENSEIGNE");
        table(calculer("TAB04-07", Niveau.NATIONAL, "FR"), cles, n(0, 0, 0, 2, 1, 5, 0, 0),
                p(0.0, 0.0, 0.0, 25.0, 12.5, 62.5, 0.0, 0.0), n(0, 0, 0, 1, 0, 3, 0, 0), n(0, 0, 0, 1, 1, 2, 0, 0));
        for (RapportTable d : departement06("TAB04-07")) {
            table(d, cles, n(0, 0, 0, 2, 1, 0, 0, 0), p(0.0, 0.0, 0.0, 66.7, 33.3, 0.0, 0.0, 0.0),
                    n(0, 0, 0, 1, 0, 0, 0, 0), n(0, 0, 0, 1, 1, 0, 0, 0));
        }
        table(calculer("TAB04-07", Niveau.EPCI, METROPOLE_LYON), cles, n(0, 0, 0, 0, 0, 5, 0, 0),
                p(0.0, 0.0, 0.0, 0.0, 0.0, 100.0, 0.0, 0.0), n(0, 0, 0, 0, 0, 3, 0, 0), n(0, 0, 0, 0, 0, 2, 0, 0));
    }

    @Test
    void tab0409LogementAvantAttribution() {
        List<String> cles = List.of("LOCATAIRE_HLM", "LOCATAIRE_PRIVE", "PROPRIETAIRE", "CHEZ_PARENTS",
                "CHEZ_PARTICULIER", "STRUCTURE_HEBERGEMENT", "FOYER_RESIDENCE", "SANS_ABRI_MOBILE_SANS_TITRE",
                "AUTRE", "NON_RENSEIGNE");
        RapportTable france = calculer("TAB04-09", Niveau.NATIONAL, "FR");
        assertEquals("Logement avant attribution", france.colonnes().get(0).libelle(), "the rapport's own header");
        assertEquals("Logement actuel", calculer("TAB03-10", Niveau.NATIONAL, "FR").colonnes().get(0).libelle(),
                "the dimension's header elsewhere");
        table(france, cles, n(4, 3, 0, 1, 0, 0, 0, 0, 0, 0),
                p(50.0, 37.5, 0.0, 12.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), null, null);
        for (RapportTable d : departement06("TAB04-09")) {
            table(d, cles, n(1, 2, 0, 0, 0, 0, 0, 0, 0, 0), p(33.3, 66.7, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                    null, null);
        }
        for (RapportTable d : departement69("TAB04-09")) {
            table(d, cles, n(3, 1, 0, 1, 0, 0, 0, 0, 0, 0), p(60.0, 20.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                    null, null);
        }
    }

    @Test
    void tab0411TypologieAttribuee() {
        List<String> cles = List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE");
        table(calculer("TAB04-11", Niveau.NATIONAL, "FR"), cles, n(0, 0, 8, 0, 0, 0, 0),
                p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 4, 0, 0, 0, 0), n(0, 0, 4, 0, 0, 0, 0));
        for (RapportTable d : departement06("TAB04-11")) {
            table(d, cles, n(0, 0, 3, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 1, 0, 0, 0, 0),
                    n(0, 0, 2, 0, 0, 0, 0));
        }
        for (RapportTable d : departement69("TAB04-11")) {
            table(d, cles, n(0, 0, 5, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0), n(0, 0, 3, 0, 0, 0, 0),
                    n(0, 0, 2, 0, 0, 0, 0));
        }
    }

    @Test
    void tab0412Mutation() {
        List<String> cles = List.of("MUTATION", "HORS_MUTATION");
        table(calculer("TAB04-12", Niveau.NATIONAL, "FR"), cles, n(4, 4), p(50.0, 50.0), null, null);
        for (RapportTable d : departement06("TAB04-12")) {
            table(d, cles, n(1, 2), p(33.3, 66.7), null, null);
        }
        for (RapportTable d : departement69("TAB04-12")) {
            table(d, cles, n(3, 2), p(60.0, 40.0), null, null);
        }
        table(calculer("TAB04-12", Niveau.EPCI, METROPOLE_NICE), cles, n(1, 1), p(50.0, 50.0), null, null);
        Cellules.publiee(calculer("TAB04-12", Niveau.COMMUNE, VILLEURBANNE), "effectif", 1L, 1L);
        // Villeurbanne as published: V04 (M) and L13 (H), both masked, zeros none
        Cellules.publiee(EntrepotMini.warehouse().calculer("TAB04-12", Niveau.COMMUNE, VILLEURBANNE, 2024),
                "effectif", null, null);
    }

    @Test
    void tab0413Qpv() {
        List<String> cles = List.of("QPV", "HORS_QPV", "NON_RENSEIGNE");
        table(calculer("TAB04-13", Niveau.NATIONAL, "FR"), cles, n(0, 8, 0), p(0.0, 100.0, 0.0), n(0, 4, 0),
                n(0, 4, 0));
        for (RapportTable d : departement06("TAB04-13")) {
            table(d, cles, n(0, 3, 0), p(0.0, 100.0, 0.0), n(0, 1, 0), n(0, 2, 0));
        }
        for (RapportTable d : departement69("TAB04-13")) {
            table(d, cles, n(0, 5, 0), p(0.0, 100.0, 0.0), n(0, 3, 0), n(0, 2, 0));
        }
    }

    @Test
    void tab0414DaloPrioritaires() {
        List<String> cles = List.of("DALO", "PRIORITAIRE_HORS_DALO", "NON_PRIORITAIRE", "NON_RENSEIGNE");
        table(calculer("TAB04-14", Niveau.NATIONAL, "FR"), cles, n(0, 0, 8, 0), p(0.0, 0.0, 100.0, 0.0),
                n(0, 0, 4, 0), n(0, 0, 4, 0));
        for (RapportTable d : departement06("TAB04-14")) {
            table(d, cles, n(0, 0, 3, 0), p(0.0, 0.0, 100.0, 0.0), n(0, 0, 1, 0), n(0, 0, 2, 0));
        }
        for (RapportTable d : departement69("TAB04-14")) {
            table(d, cles, n(0, 0, 5, 0), p(0.0, 0.0, 100.0, 0.0), n(0, 0, 3, 0), n(0, 0, 2, 0));
        }
    }

    @Test
    void everyTotalEqualsTab0410sTotalForEveryTerritory() {
        Warehouse w = EntrepotMini.nonProtege();
        for (Territoire ter : Serie04Verifications.territoires(w)) {
            RapportTable reservataire = w.calculer("TAB04-10", ter.niveau(), ter.code(), 2024);
            for (String id : Serie04Verifications.RAPPORTS) {
                RapportTable t = w.calculer(id, ter.niveau(), ter.code(), 2024);
                assertEquals(reservataire.total().get("effectif"), t.total().get("effectif"),
                        id + " vs TAB04-10 " + ter);
            }
        }
        assertEquals(8L, w.calculer("TAB04-10", Niveau.NATIONAL, "FR", 2024).total().get("effectif"));
    }

    @Test
    void everyTerritoryMatchesThePlainJavaRoute() {
        Warehouse w = EntrepotMini.nonProtege();
        assertEquals(8, ATTENDU.attributions().size(), "N20 (association), N15 (2023), N18 (2025) left out");
        for (Territoire ter : Serie04Verifications.territoires(w)) {
            for (String id : Serie04Verifications.RAPPORTS) {
                Serie04Verifications.commeAttendu(w.calculer(id, ter.niveau(), ter.code(), 2024), ATTENDU);
            }
        }
    }

    @Test
    void year2023HoldsOnlyN15() {
        // N15: lease 2023-11-15 in Nice, CHEZ_PARENTS (hors mutation), T3, born 1988 (35 in 2023)
        Warehouse w = EntrepotMini.nonProtege();
        RapportTable t = w.calculer("TAB04-02", Niveau.NATIONAL, "FR", 2023);
        table(t, AGES, n(0, 0, 1, 0, 0, 0, 0, 0), p(0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                n(0, 0, 0, 0, 0, 0, 0, 0), n(0, 0, 1, 0, 0, 0, 0, 0));
        assertEquals(1L, w.calculer("TAB04-11", Niveau.NATIONAL, "FR", 2023).total().get("effectif"));
    }

    @Test
    void declaredAsSeries04AtEveryLevel() {
        Warehouse w = EntrepotMini.nonProtege();
        for (String id : Serie04Verifications.RAPPORTS) {
            Rapport r = w.rapport(id).orElseThrow(() -> new AssertionError(id + " not in the catalogue"));
            assertEquals("04", r.serie());
            assertEquals(List.of(Niveau.values()), r.niveaux(), id);
            assertTrue(r.description().contains("hors associations"), id);
            assertTrue(r.description().contains("commune du logement"), id);
        }
        assertEquals("pie", w.rapport("TAB04-12").orElseThrow().graphique());
        assertEquals("pie", w.rapport("TAB04-13").orElseThrow().graphique());
    }
}
