package fr.infocentre.warehouse;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second route on a generated extract (Lozère, scale 0.05): the stock flow of TAB01-01 is
 * consistent with itself at every level, and its stock at 31 December equals TAB03-02's total,
 * TAB02-03's December value and TAB02-05's stock of year N; TAB02-04's monthly attributions add
 * up to TAB04-10's total: figures computed by different SQL.
 */
class ExtraitGenereTest {

    private static Warehouse warehouse;

    @BeforeAll
    static void chargerUnExtraitGenere() throws IOException {
        Path extrait = Files.createTempDirectory("extrait-genere-");
        // what GenerateCommand --scale 0.05 --seed 7 --until 2025-12-28 --departements 48 does,
        // without its System.exit on failure
        new Generator(new GeneratorOptions(0.05, 7, LocalDate.of(2025, 12, 28), List.of("48"),
                GeneratorOptions.DEFAULT_HISTORY_FROM)).writeTo(extrait);
        Path dossier = Files.createTempDirectory("warehouse-genere-");
        EtlJob.run(SharedSpark.session(), extrait, dossier);
        warehouse = new NonProtege(dossier); // identities hold on the figures as computed, before masking
    }

    @AfterAll
    static void fermer() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private static List<Territoire> territoires() {
        List<Territoire> t = new ArrayList<>();
        t.add(Territoire.FRANCE);
        t.addAll(warehouse.territoires(Niveau.REGION));
        t.addAll(warehouse.territoires(Niveau.DEPARTEMENT));
        t.addAll(warehouse.territoires(Niveau.EPCI));
        return t;
    }

    @Test
    void coversAtLeastTheLastFullYear() {
        assertTrue(warehouse.annees().contains(2024), warehouse.annees().toString());
        assertEquals(List.of("48"), warehouse.territoires(Niveau.DEPARTEMENT).stream().map(Territoire::code).toList());
        assertFalse(warehouse.territoires(Niveau.EPCI).isEmpty());
    }

    @Test
    void stockIdentityAtEveryLevelAndYear() {
        for (int annee : warehouse.annees()) {
            for (Territoire t : territoires()) {
                Tab0101Test.verifierIdentite(warehouse.calculer("TAB01-01", t.niveau(), t.code(), annee));
            }
        }
    }

    @Test
    void stockAt31DecemberAgreesAcrossRapports() {
        int annee = warehouse.annees().get(warehouse.annees().size() - 1);
        long stockNational = 0;
        for (Territoire t : territoires()) {
            RapportTable flux = warehouse.calculer("TAB01-01", t.niveau(), t.code(), annee);
            RapportTable ages = warehouse.calculer("TAB03-02", t.niveau(), t.code(), annee);
            RapportTable mois = warehouse.calculer("TAB02-03", t.niveau(), t.code(), annee);
            long stock = Cellules.effectif(flux, "STOCK_FIN", "ensemble");
            assertEquals(stock, ages.total().get("effectif"), "TAB03-02 total, " + t);
            assertEquals(stock, Cellules.effectif(mois, "12", "effectif"), "TAB02-03 December, " + t);
            assertEquals(Cellules.effectif(flux, "STOCK_FIN", "mutation"), ages.total().get("mutation"), t.toString());
            if (t.niveau() == Niveau.NATIONAL) {
                stockNational = stock;
            }
        }
        assertTrue(stockNational > 0, "the comparisons above must not be vacuous");
    }

    @Test
    void stockOfTheFiveYearSeriesAgreesWithTheStockFlow() {
        for (int annee : warehouse.annees()) {
            for (Territoire t : territoires()) {
                RapportTable flux = warehouse.calculer("TAB01-01", t.niveau(), t.code(), annee);
                RapportTable cinqAns = warehouse.calculer("TAB02-05", t.niveau(), t.code(), annee);
                assertEquals(Cellules.effectif(flux, "STOCK_FIN", "ensemble"), Cellules.effectif(cinqAns, "N", "demandes"),
                        "TAB02-05 stock of " + annee + ", " + t);
            }
        }
    }

    @Test
    void monthlyAttributionsAddUpToTheAttributionsByReservataire() {
        int annee = warehouse.annees().get(warehouse.annees().size() - 1);
        RapportTable mois = warehouse.calculer("TAB02-04", Niveau.NATIONAL, "FR", annee);
        RapportTable reservataires = warehouse.calculer("TAB04-10", Niveau.NATIONAL, "FR", annee);
        long somme = mois.lignes().stream().mapToLong(l -> (Long) l.get("attributions")).sum();
        assertEquals(12, mois.lignes().size());
        assertEquals(reservataires.total().get("effectif"), somme);
        assertTrue(somme > 0, "the comparison must not be vacuous");
    }
}
