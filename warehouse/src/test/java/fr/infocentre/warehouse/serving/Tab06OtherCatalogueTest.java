package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.InvalidCatalogue;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;
import fr.infocentre.warehouse.fixtures.TestCatalogues;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G1;
import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rapport by guichet is data: the small TAB06-01 of the test catalogue {@code catalogues/guichets}
 * (demandes créées, dont PGP, their share, the mean délai) is computed by the same engine on the
 * extract serie06, with the figures of attendus-serie-06.md (section 2); a SQL file that does not
 * return a declared detail is refused when the warehouse opens, naming the file.
 */
class Tab06OtherCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void anotherRapportByGuichetIsComputedFromItsDeclaration() {
        Catalogue catalogue = Catalogue.load(TestCatalogues.write(dir, "guichets"));
        try (DuckDbGuichetActivity a = DuckDbGuichetActivity.open(Series06Warehouse.folder(), catalogue)) {
            assertEquals("Activité des guichets (essai)", a.rapport().title());
            ActivityTable t = a.rapport06(Scope.departement("06"), Period.parse("2025-T1"));
            ActivityRow g1 = t.guichet(G1).orElseThrow(), g2 = t.guichet(G2).orElseThrow(), ref = t.references().get(0);
            assertEquals(List.of(7L, 2L, 28.6, 14.9), List.copyOf(g1.values().values()));
            assertEquals(List.of(4L, 1L, 25.0, 0.5), List.copyOf(g2.values().values()));
            assertEquals(List.of(11L, 3L, 27.3, 9.6), List.copyOf(ref.values().values()));
            // % PGP above 2 × the département's (27.3): nobody; délai above 5 days: G1 and the département
            assertEquals(Set.of("delai"), g1.flagged());
            assertEquals(Set.of(), g2.flagged());
            assertEquals(Set.of("delai"), ref.flagged());
            DemandeList pgp = a.demandesBehind("pct_pgp", G1, Period.parse("2025-T1"), 10);
            assertEquals(List.of("06-A13", "06-A15"), pgp.rows().stream().map(r -> r.get("numero_unique")).toList());
            assertThrows(fr.infocentre.warehouse.InvalidRequest.class, () -> a.rapport06(Scope.region("93"),
                    Period.parse("2025-T1")), "this rapport offers no région's table");
        }
    }

    @Test
    void aSqlFileMissingADeclaredDetailIsRefusedWhenTheWarehouseOpens() {
        Catalogue catalogue = Catalogue.load(TestCatalogues.write(dir, "guichets", "guichets-sql-without-detail"));
        InvalidCatalogue e = assertThrows(InvalidCatalogue.class,
                () -> DuckDbGuichetActivity.open(Series06Warehouse.folder(), catalogue));
        assertEquals("TAB06-01.sql", e.file());
        assertTrue(e.getMessage().contains("returns no column date_enregistrement"), e.getMessage());
    }
}
