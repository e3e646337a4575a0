package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.Categorie;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarations in rapports/ load and are consistent (no warehouse needed). */
class CatalogueTest {

    private final Catalogue catalogue = Catalogue.charger();

    @Test
    void everyRapportIsFullyDeclared() {
        for (Rapport r : catalogue.rapports()) {
            DefinitionRapport d = catalogue.definition(r.id()).orElseThrow();
            assertTrue(r.id().startsWith("TAB" + r.serie() + "-"), r.id());
            assertFalse(r.titre().isBlank(), r.id());
            assertFalse(r.description().isBlank(), r.id());
            assertFalse(r.niveaux().isEmpty(), r.id());
            assertTrue(List.of("bar", "stacked-bar", "line", "pie").contains(r.graphique()), r.id());
            assertTrue(d.sql().contains("code_commune") && d.sql().contains(" n"), r.id());
            assertFalse(d.dimension().categories().isEmpty(), r.id());
        }
    }

    @Test
    void seriesZeroOneAndZeroTwoAreNotPublishedByCommune() {
        for (Rapport r : catalogue.rapports()) {
            assertEquals(!r.serie().equals("01") && !r.serie().equals("02"), r.niveaux().contains(Niveau.COMMUNE), r.id());
        }
    }

    @Test
    void nonRenseigneComesLastWhereTheDimensionCanBeEmpty() {
        for (String id : List.of("TAB03-02", "TAB04-10")) {
            List<Categorie> c = catalogue.definition(id).orElseThrow().dimension().categories();
            assertEquals("Non renseigné", c.get(c.size() - 1).libelle(), id);
        }
    }

    @Test
    void percentagesHaveOneDecimalRoundedHalfUp() {
        assertEquals(14.3, MoteurRapports.pourcentage(4, 28));
        assertEquals(7.1, MoteurRapports.pourcentage(2, 28));
        assertEquals(66.7, MoteurRapports.pourcentage(2, 3));
        assertEquals(12.5, MoteurRapports.pourcentage(1, 8));
        assertEquals(0.1, MoteurRapports.pourcentage(1, 2000), "0.05 rounds up");
    }
}
