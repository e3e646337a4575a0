package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One value per figure across years (docs/releases.md): the line of year M in release M+1 is the
 * line release M published — same figures, same masks — although the later load changed some of
 * them in the warehouse; the change in % is computed from the figures shown, and a note says where
 * they come from.
 */
class EarlierYearsTest {

    private static final Map<String, List<String>> COUNTS = Map.of("TAB02-02", List.of("effectif"),
            "TAB02-05", List.of("demandes", "attributions"));

    @Test
    void theYearBeforeIsWhatItsOwnReleasePublished() {
        ReleasedBeforeALaterLoad r = ReleasedBeforeALaterLoad.get();
        int m = r.millesime;
        int cells = 0;
        int changedSince = 0;
        try (ReleaseStore store = ReleaseStore.open(r.releases); DuckDbWarehouse warehouse = DuckDbWarehouse.open(r.warehouse)) {
            for (Map.Entry<String, List<String>> rapport : COUNTS.entrySet()) {
                String id = rapport.getKey();
                for (Level level : store.rapport(id).orElseThrow().levels()) {
                    for (Territoire t : store.territoires(level)) {
                        RapportTable own = store.table(id, level, t.code(), m);
                        RapportTable next = store.table(id, level, t.code(), m + 1);
                        RapportTable fresh = warehouse.compute(id, level, t.code(), m + 1);
                        Map<String, Object> published = line(own, "N"), repeated = line(next, "N_MOINS_1"),
                                recomputed = line(fresh, "N_MOINS_1");
                        for (String column : rapport.getValue()) {
                            String where = id + " " + level.key() + " " + t.code() + " " + column;
                            assertEquals(published.get(column), repeated.get(column), where);
                            assertEquals(own.mask(published, column), next.mask(repeated, column), where + " (masked)");
                            cells++;
                            if (!String.valueOf(published.get(column)).equals(String.valueOf(recomputed.get(column)))) {
                                changedSince++;
                            }
                        }
                        assertTrue(next.notes().stream().anyMatch(n -> n.contains(m + " (millésime " + m + ", édition 1)")),
                                id + " " + t.code() + " notes " + next.notes());
                    }
                }
            }
            assertTrue(cells > 20, "cells compared: " + cells);
            assertTrue(changedSince > 0, "the later load changes some of these figures in the warehouse");
            for (Territoire t : store.territoires(Level.DEPARTEMENT)) {
                RapportTable next = store.table("TAB02-02", Level.DEPARTEMENT, t.code(), m + 1);
                Object before = line(next, "N_MOINS_1").get("effectif"), after = line(next, "N").get("effectif");
                if (before != null && after != null && ((Number) before).longValue() > 0) {
                    long b = ((Number) before).longValue(), a = ((Number) after).longValue();
                    double expected = BigDecimal.valueOf((a - b) * 100).divide(BigDecimal.valueOf(b), 1,
                            RoundingMode.HALF_UP).doubleValue();
                    assertEquals(expected, ((Number) line(next, "N").get("evolution")).doubleValue(), 1e-9,
                            "change in % of " + t.code() + " from the figures shown");
                }
            }
        }
    }

    private static Map<String, Object> line(RapportTable table, String key) {
        return table.lines().stream().filter(l -> key.equals(l.get("cle"))).findFirst().orElseThrow();
    }
}
