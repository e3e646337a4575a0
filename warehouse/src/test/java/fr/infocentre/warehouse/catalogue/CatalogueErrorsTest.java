package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.fixtures.TestCatalogues;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every declaration is checked when the catalogue loads, with a message naming the file and the
 * field: each test loads the small catalogue of test resources {@code catalogues/base/} with one
 * file replaced or added from the folder {@code catalogues/<case>/} beside it.
 */
class CatalogueErrorsTest {

    @TempDir
    Path dir;

    /** catalogues/base, then the files of catalogues/{@code overlay} over it. */
    private Path catalogue(String overlay) {
        return overlay == null ? TestCatalogues.write(dir) : TestCatalogues.write(dir, overlay);
    }

    private InvalidCatalogue broken(String overlay) {
        return assertThrows(InvalidCatalogue.class, () -> Catalogue.load(catalogue(overlay)), overlay);
    }

    /** The error names the file and the field, in its fields and in its message. */
    private static void names(InvalidCatalogue e, String file, String field, String... words) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(file), e.getMessage());
        if (field != null) {
            assertTrue(e.getMessage().contains("field " + field), e.getMessage());
        }
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "«" + w + "» in: " + e.getMessage());
        }
    }

    @Test
    void theBaseCatalogueLoadsAndGeneratesItsDimensionsMacros() throws SQLException {
        Catalogue c = Catalogue.load(catalogue(null));
        assertEquals(List.of("TAB03-01", "TAB03-02"), c.rapports().stream().map(r -> r.id()).toList());
        assertEquals(List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT), c.rapports().get(0).levels());
        assertEquals(List.of("SEUL", "COUPLE", "NON_RENSEIGNE"),
                c.dimension("situation").orElseThrow().categories().stream().map(Category::key).toList());
        assertEquals("""
                -- dimensions/situation.yaml
                CREATE MACRO categorie_situation(situation_familiale) AS
                    CASE
                        WHEN situation_familiale IS NULL THEN 'NON_RENSEIGNE'
                        WHEN situation_familiale IN ('CELIBATAIRE', 'VEUF', 'DIVORCE', 'SEPARE') THEN 'SEUL'
                        WHEN situation_familiale IN ('MARIE', 'PACSE', 'CONCUBIN') THEN 'COUPLE'
                        ELSE CAST(situation_familiale AS VARCHAR)
                    END;""", c.dimensionMacro("situation").orElseThrow());
        assertTrue(c.dimensionMacro("trimestres").isEmpty(), "no input, no macro");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            c.createMacros(connection);
            assertEquals("COUPLE", sql(connection, "categorie_situation('PACSE')"));
            assertEquals("NON_RENSEIGNE", sql(connection, "categorie_situation(NULL)"));
            assertEquals("MOINS_40", sql(connection, "categorie_age(age_in(2024, 1990))"));
            assertEquals("40_PLUS", sql(connection, "categorie_age(40)"));
            assertEquals("NON_RENSEIGNE", sql(connection, "categorie_age(NULL)"));
        }
    }

    @Test
    void anUnknownDimension() {
        names(broken("unknown-dimension"), "TAB03-01.yaml", "dimension", "unknown dimension situations",
                "dimensions/situations.yaml");
    }

    @Test
    void aLineRepeatingATotalFigureStandsAloneAndNamesTheFigureOfSomeRapport() {
        names(broken("same-figure-beside-a-total"), "TAB03-02.yaml", "same_figures[0]", "must not be summed");
        names(broken("same-figure-of-no-rapport"), "TAB03-02.yaml", "same_figures", "no rapport has total_figure nulle-part");
    }

    @Test
    void aLineFigureIsALineOfTheDimensionAndAFigureNoOtherRapportHolds() {
        names(broken("line-figure-of-no-line"), "TAB03-02.yaml", "line_figures[0].line", "no line PLUS_DE_100",
                "dimension age");
        names(broken("line-figure-held-twice"), "TAB03-01.yaml", "line_figures", "figure demandes",
                "also held by TAB03-02");
        names(broken("line-figure-shared-across-families"), "TAB03-01.yaml", "line_figures", "figure demandes-seul",
                "also held by TAB03-02", "shared by rapports of one total figure");
    }

    @Test
    void rapportsOfOneTotalFigureShareALineFigure() {
        Catalogue c = Catalogue.load(catalogue("line-figure-shared-in-a-family"));
        assertEquals(List.of("SEUL", "MOINS_40"), List.of("TAB03-01", "TAB03-02").stream()
                .map(id -> c.definition(id).orElseThrow().figureLine("demandes-seul")).toList());
    }

    @Test
    void anUnknownChartTypeListsTheSupportedOnes() {
        names(broken("unknown-chart"), "TAB03-01.yaml", "chart", "donut", "bar, stacked-bar, line, pie");
    }

    @Test
    void aColumnReferringToAnUnknownColumn() {
        names(broken("unknown-column-sum"), "TAB03-01.yaml", "columns[0].sum", "unknown column hors_mutations");
        names(broken("unknown-column-part-of"), "TAB03-01.yaml", "columns[1].part_of", "unknown column effectifs");
        names(broken("unknown-column-ratio"), "TAB03-01.yaml", "columns[4].ratio", "unknown column hors_mutations");
        names(broken("unknown-column-variation"), "TAB03-01.yaml", "columns[5].variation.column",
                "unknown column mutations");
    }

    @Test
    void anUnknownLevel() {
        names(broken("unknown-level"), "TAB03-01.yaml", "levels[1]", "unknown level canton",
                "national, region, departement, epci, commune");
    }

    @Test
    void aCategoryDeclaredTwice() {
        names(broken("category-declared-twice"), "dimensions/situation.yaml", "categories[1].key",
                "category SEUL declared twice");
    }

    @Test
    void aDimensionCategoryWithNeitherCodesNorCondition() {
        names(broken("category-not-covered"), "dimensions/situation.yaml", "categories[1]",
                "category COUPLE has neither codes nor when");
    }

    @Test
    void anUnknownKeyInAYamlFile() {
        names(broken("unknown-key"), "TAB03-01.yaml", "colour", "unknown field colour", "chart");
        names(broken("unknown-key-in-dimension"), "dimensions/age.yaml", "categories[0].libelle",
                "unknown field libelle", "label");
    }

    @Test
    void aRapportOfAnUndeclaredSeries() {
        names(broken("unknown-series"), "TAB03-01.yaml", "series", "unknown series 05", "03, 06");
    }

    @Test
    void anUnknownVisibility() {
        names(broken("unknown-visibility"), "catalogue.yaml", "series[1].visibility", "unknown visibility private",
                "public, restricted");
    }

    @Test
    void aRapportListedWithoutItsFiles() {
        names(broken("listed-without-files"), "catalogue.yaml", "rapports[2]", "TAB03-03 has no TAB03-03.yaml");
    }

    @Test
    void aFileWithoutItsListing() {
        names(broken("file-without-listing"), "TAB03-09.sql", null, "not listed in catalogue.yaml", "rapports");
    }

    @Test
    void aMissingRequiredField() {
        names(broken("missing-field"), "TAB03-01.yaml", "title", "missing");
    }

    @Test
    void aCallToAMacroThatNoDimensionGenerates() {
        names(broken("unknown-macro"), "TAB03-01.sql", null, "categorie_situations");
    }

    @Test
    void aConditionOverAColumnThatIsNotAnInput() {
        names(broken("condition-over-unknown-column"), "dimensions/age.yaml", "categories[0].when",
                "agee, which is not an input column (input: age)");
    }

    @Test
    void aConditionDuckDbRefusesNamesItsDimensionWhenTheMacrosAreCreated() throws SQLException {
        Catalogue c = Catalogue.load(catalogue("condition-refused-by-duckdb"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            SQLException e = assertThrows(SQLException.class, () -> c.createMacros(connection));
            assertTrue(e.getMessage().contains("dimensions/age.yaml") && e.getMessage().contains("categorie_age")
                    && e.getMessage().contains("no_such_function"), e.getMessage());
        }
    }

    // ---- rapports by guichet (rows: guichets): catalogues/guichets, then one broken file ----

    private InvalidCatalogue brokenByGuichet(String overlay) {
        return assertThrows(InvalidCatalogue.class, () -> Catalogue.load(TestCatalogues.write(dir, "guichets", overlay)),
                overlay);
    }

    @Test
    void aRapportByGuichetLoads() {
        Catalogue c = Catalogue.load(TestCatalogues.write(dir, "guichets"));
        assertEquals(List.of("TAB03-01", "TAB03-02"), c.rapports().stream().map(r -> r.id()).toList());
        GuichetRapportDefinition d = c.guichetRapport("TAB06-01").orElseThrow();
        assertEquals(List.of("creees", "creees_pgp", "pct_pgp", "delai"), d.columns().stream()
                .map(GuichetRapportDefinition.IndicatorColumn::key).toList());
        assertEquals(List.of("creees"), d.totals().stream().map(GuichetRapportDefinition.IndicatorColumn::key).toList());
        assertEquals("creees_pgp", d.column("pct_pgp").orElseThrow().listed());
        assertEquals("creees", d.column("delai").orElseThrow().listed());
        assertTrue(d.sqlFile().endsWith("/TAB06-01.sql"), d.sqlFile());
        assertTrue(c.publicCatalogue().guichetRapport("TAB06-01").isEmpty());
    }

    @Test
    void aRapportByGuichetBelongsToARestrictedSeries() {
        names(brokenByGuichet("guichets-public-series"), "TAB06-01.yaml", "rows", "restricted entry point only",
                "series 06 must be restricted");
    }

    @Test
    void aRapportByGuichetsRowsAreGuichets() {
        names(brokenByGuichet("guichets-unknown-rows"), "TAB06-01.yaml", "rows", "unknown rows bailleurs", "guichets");
    }

    @Test
    void aRapportByGuichetsPeriodsAreKnownAndAtMostOneIsDiffusable() {
        names(brokenByGuichet("guichets-unknown-period"), "TAB06-01.yaml", "periods[1]", "unknown semaine",
                "mois, trimestre, annee, 12-derniers-mois");
        names(brokenByGuichet("guichets-two-diffusable-periods"), "TAB06-01.yaml", "diffusable_periods",
                "at most one kind of period");
    }

    @Test
    void aRapportByGuichetsColumnsReferToItsCountsAndDetails() {
        names(brokenByGuichet("guichets-subset-of-unknown"), "TAB06-01.yaml", "columns[1].subset_of",
                "unknown column creee");
        names(brokenByGuichet("guichets-ratio-not-subset"), "TAB06-01.yaml", "columns[2].ratio",
                "numerator creees must be declared subset_of the denominator creees_pgp");
        names(brokenByGuichet("guichets-unknown-detail"), "TAB06-01.yaml", "columns[0].details[0]",
                "unknown detail date_depot", "date_enregistrement");
        names(brokenByGuichet("guichets-threshold-without-condition"), "TAB06-01.yaml", "columns[3].threshold",
                "no condition");
    }

    @Test
    void theApplicationsCatalogueLoadsFromTheClasspath() {
        assertEquals(Catalogue.load().rapports(), Catalogue.fromClasspath("/rapports").rapports());
        assertNull(Catalogue.load().dimensionMacro("mois").orElse(null));
    }

    private static String sql(Connection c, String expression) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
