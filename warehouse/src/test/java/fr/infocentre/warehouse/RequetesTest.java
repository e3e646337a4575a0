package fr.infocentre.warehouse;

import fr.infocentre.warehouse.RequeteInvalide.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.infocentre.warehouse.EntrepotMini.LYON_1ER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Millésimes, territories and invalid requests on the mini extract. */
class RequetesTest {

    private final Warehouse w = EntrepotMini.warehouse();

    @Test
    void millesimesAreTheFullYearsSinceTheFirstRadiation() {
        // extracted 2025-01-15 (2025 not over); earliest RADIATION 2023-06-01 (69-L16)
        assertEquals(List.of(2023, 2024), w.annees());
    }

    @Test
    void territoriesAreThoseOfThePerimeter() {
        assertEquals(List.of(Territoire.FRANCE), w.territoires(Niveau.NATIONAL));
        assertEquals(List.of("84", "93"), w.territoires(Niveau.REGION).stream().map(Territoire::code).toList());
        assertEquals(List.of("06", "69"), w.territoires(Niveau.DEPARTEMENT).stream().map(Territoire::code).toList());
        assertEquals("Métropole de Lyon", w.territoire(Niveau.EPCI, "200046977").orElseThrow().nom());
        assertEquals("Villeurbanne", w.territoire(Niveau.COMMUNE, "69266").orElseThrow().nom());
        assertTrue(w.territoire(Niveau.COMMUNE, LYON_1ER).isEmpty(), "an arrondissement is not a commune");
        assertTrue(w.territoire(Niveau.DEPARTEMENT, "75").isEmpty(), "outside the extract's perimeter");
    }

    @Test
    void catalogueInOrder() {
        // publication order = the ids' order (the catalogue grows as rapports are added)
        List<String> ids = w.catalogue().stream().map(Rapport::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(ids.containsAll(List.of("TAB01-01", "TAB01-02", "TAB02-01", "TAB02-02", "TAB02-03", "TAB02-04",
                "TAB02-05", "TAB03-02", "TAB04-01", "TAB04-10", "TAB04-16")), ids.toString());
    }

    @Test
    void unknownRapport() {
        rejete(Cause.RAPPORT_INCONNU, "TAB99-99", () -> w.calculer("TAB99-99", Niveau.NATIONAL, "FR", 2024));
    }

    @Test
    void unknownLevelKey() {
        rejete(Cause.NIVEAU_INCONNU, "canton", () -> w.calculer("TAB03-02", "canton", "0601", 2024));
    }

    @Test
    void levelNotPublishedForThisRapport() {
        rejete(Cause.NIVEAU_NON_DISPONIBLE, "commune", () -> w.calculer("TAB01-01", Niveau.COMMUNE, "06088", 2024));
        rejete(Cause.NIVEAU_NON_DISPONIBLE, "commune", () -> w.calculer("TAB02-03", "commune", "06088", 2024));
    }

    @Test
    void unknownTerritoryCode() {
        rejete(Cause.TERRITOIRE_INCONNU, "75", () -> w.calculer("TAB03-02", Niveau.DEPARTEMENT, "75", 2024));
        rejete(Cause.TERRITOIRE_INCONNU, "06088", () -> w.calculer("TAB03-02", Niveau.EPCI, "06088", 2024));
        rejete(Cause.TERRITOIRE_INCONNU, LYON_1ER, () -> w.calculer("TAB04-10", Niveau.COMMUNE, LYON_1ER, 2024));
        rejete(Cause.TERRITOIRE_INCONNU, "FRANCE", () -> w.calculer("TAB04-10", Niveau.NATIONAL, "FRANCE", 2024));
    }

    @Test
    void yearNotCoveredListsTheCoveredYears() {
        rejete(Cause.ANNEE_NON_COUVERTE, "2023, 2024", () -> w.calculer("TAB03-02", Niveau.NATIONAL, "FR", 2025));
        rejete(Cause.ANNEE_NON_COUVERTE, "2022", () -> w.calculer("TAB03-02", Niveau.NATIONAL, "FR", 2022));
    }

    @Test
    void preparingChecksTheRapportAndTheYear() {
        rejete(Cause.RAPPORT_INCONNU, "TAB99-99", () -> w.preparer("TAB99-99", 2024));
        rejete(Cause.ANNEE_NON_COUVERTE, "2023, 2024", () -> w.preparer("TAB03-02", 2025));
    }

    @Test
    void concurrentComputationsDoNotShareTheirYear() throws Exception {
        List<Callable<Object>> calculs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int annee = 2023 + i % 2;
            calculs.add(() -> Cellules.effectif(EntrepotMini.nonProtege().calculer("TAB01-01", Niveau.NATIONAL, "FR", annee),
                    "STOCK_FIN", "ensemble"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> resultats = pool.invokeAll(calculs);
            for (int i = 0; i < resultats.size(); i++) {
                assertEquals(i % 2 == 0 ? 25L : 28L, resultats.get(i).get(), "stock at 31 Dec " + (2023 + i % 2));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void rejete(Cause cause, String dansLeMessage, Executable requete) {
        RequeteInvalide e = assertThrows(RequeteInvalide.class, requete);
        assertEquals(cause, e.motif(), e.getMessage());
        assertTrue(e.getMessage().contains(dansLeMessage), e.getMessage());
    }
}
