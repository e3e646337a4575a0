package fr.infocentre.warehouse.rapports;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.Cells;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Unprotected;


import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.LoadReport;
import fr.infocentre.etl.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static fr.infocentre.warehouse.fixtures.Cells.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attributes as they stood at the reference date (docs/warehouse-format.md, demandes_versions):
 * the mini extract (etl/src/test/resources/extracts/mini, date_extraction 2025-01-15) loaded
 * through the real ETL, then its {@code demandes_versions} table rewritten by hand with the history
 * two earlier extracts (2023-06-30, 2024-06-28) would have left for three demandes; every other
 * demande keeps its single version of 2025-01-15, which rapports of 2023 and 2024 use as the
 * earliest known one. {@code demandes} (the latest state) is left as it is.
 *
 * <pre>
 * demande (mutation?)  [2023-06-30, 2024-06-28)  [2024-06-28, 2025-01-15)  [2025-01-15, -) = demandes
 * N01 (M)              taille 2                  taille 3                  taille 1
 * N02 (H)              -                         taille 5                  taille 2
 * N12 (M)              taille 1                  taille 6                  taille 4
 * </pre>
 *
 * Expected figures worked out by hand from the mini README's lists of demandes active on 31 Dec
 * 2023 (S0) and 2024 (S1) and the taille_menage / logement_actuel of demandes.csv:
 * <ul>
 *   <li>TAB03-04 2023, unversioned (25 demandes): 1 → 6 (3 M / 3 H), 2 → 8 (4/4), 3 → 6 (2/4),
 *       4 → 5 (4/1). With the versions at 31 Dec 2023: N01 (M) 1 → 2 (first version), N02 (H)
 *       2 → 5 (31 Dec 2023 precedes its versions: the earliest one), N12 (M) 4 → 1. Hence
 *       1: 6 (3/3), 2: 8 (5/3), 3: 6 (2/4), 4: 4 (3/1), 5: 1 (0/1).</li>
 *   <li>TAB03-04 2024, unversioned (28 demandes): 1 → 8 (2/6), 2 → 8 (3/5), 3 → 6 (1/5), 4 → 6 (4/2).
 *       At 31 Dec 2024: N01 1 → 3, N02 2 → 5 (N12 is no longer active). Hence 1: 7 (1/6),
 *       2: 7 (3/4), 3: 7 (2/5), 4: 6 (4/2), 5: 1 (0/1).</li>
 *   <li>TAB04-04 2024 (8 leases, hors associations), unversioned: 1 → 1 (L18, M), 2 → 1 (V04, M),
 *       3 → 2 (L12 M, A03 H), 4 → 4 (N12 M, N16 H, L13 H, L17 H). N12's lease of 2024-07-01 falls in
 *       its second version: taille 6. Hence 4: 3 (0/3), 6 et plus: 1 (1/0).</li>
 * </ul>
 */
class DemandeVersionsTest {

    private static final List<String> HISTORY = List.of(
            version("06-N01", 2, "2023-06-30", "2024-06-28", true),
            version("06-N01", 3, "2024-06-28", "2025-01-15", false),
            version("06-N02", 5, "2024-06-28", "2025-01-15", true),
            version("06-N12", 1, "2023-06-30", "2024-06-28", true),
            version("06-N12", 6, "2024-06-28", "2025-01-15", false),
            // the loaded (current) versions of these three are no longer their earliest
            "UPDATE v SET premiere_version = false WHERE numero_unique IN ('06-N01', '06-N02', '06-N12')"
                    + " AND valide_au IS NULL");

    private static Path folder;
    private static Warehouse warehouse;

    /** A closed version of a demande: its current row with another taille_menage and validity. */
    private static String version(String number, int size, String from, String at, boolean first) {
        return "INSERT INTO v SELECT * REPLACE (CAST(" + size + " AS INTEGER) AS taille_menage, DATE '" + from
                + "' AS valide_du, DATE '" + at + "' AS valide_au, " + first + " AS premiere_version)"
                + " FROM courantes WHERE numero_unique = '" + number + "'";
    }

    @BeforeAll
    static void warehouseDir() throws IOException, SQLException {
        folder = Files.createTempDirectory("warehouse-versions-");
        LoadReport load = EtlJob.run(SharedSpark.session(), MiniWarehouse.EXTRACT, folder);
        Path table = folder.resolve("versions").resolve(load.version()).resolve("demandes_versions");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE courantes AS SELECT * FROM read_parquet('" + table.resolve("*.parquet") + "')");
            st.execute("CREATE TABLE v AS SELECT * FROM courantes");
            for (String insert : HISTORY) {
                st.execute(insert);
            }
            delete(table);
            Files.createDirectories(table);
            st.execute("COPY (SELECT * FROM v ORDER BY numero_unique, valide_du) TO '"
                    + table.resolve("versions.parquet") + "' (FORMAT parquet)");
        }
        warehouse = new Unprotected(folder); // figures as computed: the fixture's counts are all small
    }

    @AfterAll
    static void close() throws IOException {
        warehouse.close();
        delete(folder);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void tailleDuMenageAt31December2023UsesTheVersionsValidThen() {
        RapportTable t = warehouse.compute("TAB03-04", Level.NATIONAL, "FR", 2023);
        assertEquals(List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 6, 8, 6, 4, 1, 0, 0);
        column(t, "mutation", 3, 5, 2, 3, 0, 0, 0);
        column(t, "hors_mutation", 3, 3, 4, 1, 1, 0, 0);
        assertEquals(25L, t.total().get("effectif"));
    }

    @Test
    void tailleDuMenageAt31December2024UsesTheVersionsValidThen() {
        RapportTable t = warehouse.compute("TAB03-04", Level.NATIONAL, "FR", 2024);
        column(t, "effectif", 7, 7, 7, 6, 1, 0, 0);
        column(t, "mutation", 1, 3, 2, 4, 0, 0, 0);
        column(t, "hors_mutation", 6, 4, 5, 2, 1, 0, 0);
        assertEquals(28L, t.total().get("effectif"));
    }

    @Test
    void satisfiedDemandesUseTheVersionValidAtTheLeaseDate() {
        RapportTable t = warehouse.compute("TAB04-04", Level.NATIONAL, "FR", 2024);
        assertEquals(List.of("1", "2", "3", "4", "5", "6_PLUS", "NON_RENSEIGNE"), Cells.keys(t));
        column(t, "effectif", 1, 1, 2, 3, 0, 1, 0);
        column(t, "mutation", 1, 1, 1, 0, 0, 1, 0);
        column(t, "hors_mutation", 0, 0, 1, 3, 0, 0, 0);
        assertEquals(8L, t.total().get("effectif"));
    }
}
