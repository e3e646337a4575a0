package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Series.Visibility;
import fr.infocentre.warehouse.engine.RapportEngine;


import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarations in rapports/ load and are consistent (no warehouse needed). */
class CatalogueTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyRapportIsFullyDeclared() {
        for (Rapport r : catalogue.rapports()) {
            RapportDefinition d = catalogue.definition(r.id()).orElseThrow();
            assertTrue(r.id().startsWith("TAB" + r.series() + "-"), r.id());
            assertFalse(r.title().isBlank(), r.id());
            assertFalse(r.description().isBlank(), r.id());
            assertFalse(r.levels().isEmpty(), r.id());
            assertTrue(List.of("bar", "stacked-bar", "line", "pie").contains(r.chart()), r.id());
            assertTrue(d.sql().contains("code_commune") && d.sql().contains(" n"), r.id());
            assertFalse(d.dimension().categories().isEmpty(), r.id());
        }
    }

    @Test
    void seriesOneToFourArePublicAndSeriesSixIsRestricted() {
        assertEquals(List.of(
                        new Series("01", "Évolution du stock", Visibility.PUBLIC),
                        new Series("02", "Séries chronologiques", Visibility.PUBLIC),
                        new Series("03", "Analyse des demandes en cours", Visibility.PUBLIC),
                        new Series("04", "Analyse des demandes satisfaites", Visibility.PUBLIC),
                        new Series("06", "Suivi de l'activité des guichets", Visibility.RESTRICTED)),
                catalogue.series());
        assertEquals("Série 03 – Analyse des demandes en cours", catalogue.series("03").orElseThrow().label());
        assertEquals(List.of("01", "02", "03", "04"),
                catalogue.publicCatalogue().series().stream().map(Series::id).toList());
        assertEquals(catalogue.rapports(), catalogue.publicCatalogue().rapports(), "series 06 holds only a rapport by guichet, outside rapports()");
    }

    @Test
    void seriesZeroOneAndZeroTwoAreNotPublishedByCommune() {
        for (Rapport r : catalogue.rapports()) {
            assertEquals(!r.series().equals("01") && !r.series().equals("02"), r.levels().contains(Level.COMMUNE), r.id());
        }
    }

    @Test
    void nonRenseigneComesLastWhereTheDimensionCanBeEmpty() {
        for (String id : List.of("TAB03-02", "TAB04-10")) {
            List<Category> c = catalogue.definition(id).orElseThrow().dimension().categories();
            assertEquals("Non renseigné", c.get(c.size() - 1).label(), id);
        }
    }

    @Test
    void percentagesHaveOneDecimalRoundedHalfUp() {
        assertEquals(14.3, RapportEngine.percentage(4, 28));
        assertEquals(7.1, RapportEngine.percentage(2, 28));
        assertEquals(66.7, RapportEngine.percentage(2, 3));
        assertEquals(12.5, RapportEngine.percentage(1, 8));
        assertEquals(0.1, RapportEngine.percentage(1, 2000), "0.05 rounds up");
    }
}
