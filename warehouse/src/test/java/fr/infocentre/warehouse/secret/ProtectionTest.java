package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;


import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Part;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protected tables of a generated millésime ({@link GeneratedWarehouse}, every rapport, every level,
 * every territory) against the same tables as computed: each count is either shown exactly or
 * masked (null and listed), every count from 1 to 10 is masked, a share is masked
 * when its count or its total is, and the single-table path masks exactly as the level-by-level one.
 */
class ProtectionTest {

    @Test
    void everyPublishedTableShowsExactFiguresOrMasksThemAndHidesEverySmallCount() {
        Warehouse w = GeneratedWarehouse.warehouse();
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        List<String> errors = new ArrayList<>();
        long[] seen = new long[3]; // counts shown, masked, tables
        for (Rapport r : w.catalogue()) {
            Map<Level, Map<String, RapportTable>> published = new HashMap<>();
            w.computeLevels(r.id(), r.levels(), millesime, t -> published
                    .computeIfAbsent(t.territoire().level(), k -> new HashMap<>()).put(t.territoire().code(), t));
            for (Level level : r.levels()) {
                Map<String, ComputedTable> computed = raw.level(r.id(), level, millesime);
                assertEquals(computed.keySet(), published.get(level).keySet(), r.id() + " " + level);
                computed.forEach((code, c) -> compare(c, published.get(level).get(code), errors, seen));
            }
        }
        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " errors");
        assertTrue(seen[0] > 10_000 && seen[1] > 1_000, "shown " + seen[0] + ", masked " + seen[1]);
        String commune = w.territoires(Level.COMMUNE).get(0).code();
        String epci = w.territoires(Level.EPCI).get(0).code();
        for (String id : List.of("TAB03-02", "TAB04-10")) {
            for (Territoire t : List.of(new Territoire(Level.COMMUNE, commune, ""), new Territoire(Level.EPCI, epci, ""))) {
                RapportTable single = w.compute(id, t.level(), t.code(), millesime);
                List<RapportTable> byLevel = new ArrayList<>();
                w.computeLevels(id, List.of(t.level()), millesime, x -> {
                    if (x.territoire().code().equals(t.code())) {
                        byLevel.add(x);
                    }
                });
                assertEquals(byLevel.get(0), single, id + " " + t + ": one pattern for every path");
            }
        }
    }

    private static void compare(ComputedTable computed, RapportTable publishedTable, List<String> errors, long[] seen) {
        seen[2]++;
        List<Line> lines = new ArrayList<>(computed.lines());
        if (computed.publishedTotal()) {
            lines.add(computed.total());
        }
        for (Line line : lines) {
            Map<String, Object> published = line.key().equals(ComputedTable.TOTAL_KEY) ? publishedTable.total()
                    : publishedTable.lines().stream().filter(m -> line.key().equals(m.get("cle"))).findFirst().orElseThrow();
            line.values().forEach((column, value) -> {
                String or = publishedTable.rapport().id() + " " + publishedTable.territoire().level().key() + " "
                        + publishedTable.territoire().code() + " " + line.key() + " " + column;
                boolean mask = publishedTable.mask(published, column);
                if (mask && published.get(column) != null) {
                    errors.add(or + ": listed as masked but shown");
                }
                if (value instanceof Count e) {
                    if (mask) {
                        seen[1]++;
                    } else {
                        seen[0]++;
                        if (!Long.valueOf(e.n()).equals(published.get(column))) {
                            errors.add(or + ": shows " + published.get(column) + ", computed " + e.n());
                        }
                        if (e.n() >= 1 && e.n() <= SecretStatistique.MAX_THRESHOLD) {
                            errors.add(or + ": small count " + e.n() + " shown");
                        }
                    }
                }
                if (value instanceof Part p && !mask && (publishedTable.mask(published, p.countColumn())
                        || publishedTable.total() != null && publishedTable.mask(publishedTable.total(), p.countColumn()))) {
                    errors.add(or + ": share of a masked count shown");
                }
            });
        }
    }
}
