package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release holding two rapports of one total figure (TAB03-02 and TAB03-04: the demandes at 31
 * December, by age and by household size): {@code publier} protected them together, so every
 * cell of their total line, at every level, has the same value or the same mask in both.
 */
class SharedTotalInAReleaseTest {

    private static final List<String> COLUMNS = List.of("effectif", "mutation", "hors_mutation");

    @Test
    void everyTotalCellHasOneStatusInBothRapports() {
        ReleasedBeforeALaterLoad f = ReleasedBeforeALaterLoad.get();
        int compared = 0, masked = 0;
        try (ReleaseStore store = ReleaseStore.open(f.releases)) {
            for (int millesime : store.millesimes()) {
                for (Level level : Level.values()) {
                    for (Territoire t : store.territoires(level)) {
                        RapportTable age = store.table("TAB03-02", level, t.code(), millesime);
                        RapportTable menage = store.table("TAB03-04", level, t.code(), millesime);
                        for (String column : COLUMNS) {
                            boolean hidden = age.mask(age.total(), column);
                            assertEquals(hidden, menage.mask(menage.total(), column), t + " " + column + " " + millesime);
                            assertEquals(age.total().get(column), menage.total().get(column), t + " " + column);
                            compared++;
                            masked += hidden ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);
        assertTrue(masked > 0, "some totals are masked (small communes), so the statuses were tested");
    }

    /**
     * TAB02-02's and TAB02-05's line of year N repeat the stock at 31 December (TAB03-02's total,
     * as a second SQL computes it): one figure, one status, at every level they are published at.
     * Protected on their own, the three rapports chose different complementary cells: an EPCI's
     * stock masked in one was shown by another.
     */
    @Test
    void theStockAt31DecemberHasOneStatusInTheSeriesRepeatingIt() {
        ReleasedBeforeALaterLoad f = ReleasedBeforeALaterLoad.get();
        int compared = 0, masked = 0;
        try (ReleaseStore store = ReleaseStore.open(f.releases)) {
            for (int millesime : store.millesimes()) {
                for (Level level : List.of(Level.NATIONAL, Level.REGION, Level.DEPARTEMENT, Level.EPCI)) {
                    for (Territoire t : store.territoires(level)) {
                        RapportTable age = store.table("TAB03-02", level, t.code(), millesime);
                        for (String[] repeat : List.of(new String[]{"TAB02-02", "effectif"}, new String[]{"TAB02-05", "demandes"})) {
                            RapportTable table = store.table(repeat[0], level, t.code(), millesime);
                            Map<String, Object> n = table.lines().stream().filter(l -> "N".equals(l.get("cle"))).findFirst().orElseThrow();
                            boolean hidden = age.mask(age.total(), "effectif");
                            String at = repeat[0] + " " + t + " " + millesime;
                            assertEquals(hidden, table.mask(n, repeat[1]), at);
                            assertEquals(age.total().get("effectif"), n.get(repeat[1]), at);
                            compared++;
                            masked += hidden ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 20, "compared " + compared);
        assertTrue(masked > 0, "some EPCI stocks are masked, so the statuses were tested");
    }
}
