package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB02-03's December, TAB02-01's 4th quarter and TAB01-01's stock at 31 December (tied to the
 * flows of the year by its identity) repeat the stock at 31 December, the total line of series 03
 * ({@code same_figures}). In a release of the three with three series-03 rapports, on the
 * generated millésime, each such cell shows TAB03-02's value or carries its mask, at every level,
 * and the release passed its joint audit.
 * Protected on their own, the rapports chose their own complementary cells: the stock of the CC
 * Decazeville Communauté, masked in series 03, was shown by TAB02-03's December.
 */
class RepeatedTotalInAReleaseTest {

    private static final List<String> RAPPORTS = List.of("TAB01-01", "TAB02-01", "TAB02-03", "TAB03-01", "TAB03-02", "TAB03-04");

    @Test
    void theStockAt31DecemberHasOneStatusWhereverItIsPublished() throws IOException {
        DuckDbWarehouse warehouse = (DuckDbWarehouse) GeneratedWarehouse.warehouse();
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        Path releases = Files.createTempDirectory("releases-");
        ReleasePublisher.publish(warehouse, releases, new Publication.Options(millesime, RAPPORTS, List.of()),
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int compared = 0, secondary = 0;
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI)) {
                Map<String, ComputedTable> computed = raw.level("TAB03-02", level, millesime);
                for (Territoire t : store.territoires(level)) {
                    RapportTable stock = store.table("TAB03-02", level, t.code(), millesime);
                    for (String[] repeat : List.of(new String[]{"TAB02-03", "12", "effectif", "effectif"},
                            new String[]{"TAB02-01", "T4", "ensemble", "effectif"},
                            new String[]{"TAB02-01", "T4", "mutation", "mutation"},
                            new String[]{"TAB02-01", "T4", "hors_mutation", "hors_mutation"},
                            new String[]{"TAB01-01", "STOCK_FIN", "ensemble", "effectif"},
                            new String[]{"TAB01-01", "STOCK_FIN", "mutation", "mutation"},
                            new String[]{"TAB01-01", "STOCK_FIN", "hors_mutation", "hors_mutation"})) {
                        RapportTable table = store.table(repeat[0], level, t.code(), millesime);
                        Map<String, Object> line = table.lines().stream().filter(l -> repeat[1].equals(l.get("cle")))
                                .findFirst().orElseThrow();
                        String at = repeat[0] + " " + repeat[1] + " " + repeat[2] + " " + t;
                        boolean masked = stock.mask(stock.total(), repeat[3]);
                        assertEquals(masked, table.mask(line, repeat[2]), at);
                        assertEquals(stock.total().get(repeat[3]), line.get(repeat[2]), at);
                        long n = ((Count) computed.get(t.code()).total().values().get(repeat[3])).n();
                        secondary += masked && n > 10 ? 1 : 0;
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100, compared + " cells compared");
        assertTrue(secondary > 0, "some stocks of 11 or more are masked (secondary cells), so their status was tested");
    }
}
