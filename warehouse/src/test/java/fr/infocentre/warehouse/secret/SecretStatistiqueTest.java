package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.RapportEngine;
import fr.infocentre.warehouse.fixtures.Cells;


import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Part;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protection step on hand-built tables (no warehouse needed). */
public class SecretStatistiqueTest {

    private static final Rapport RAPPORT = new Rapport("TAB00-00", "00", "Essai", "", "essai",
            List.of(Level.values()), "bar");

    /** Lines a=0, b=1, c=10, d=11, e=25; total 47. */
    private static ComputedTable table(Territoire territoire, long... counts) {
        List<Line> lines = new java.util.ArrayList<>();
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
        }
        for (int i = 0; i < counts.length; i++) {
            lines.add(line(String.valueOf((char) ('a' + i)), counts[i], sum));
        }
        return new ComputedTable(RAPPORT, territoire, 2024,
                List.of(new Column("categorie", "Catégorie", Column.Type.LABEL),
                        new Column("effectif", "Effectif", Column.Type.COUNT),
                        new Column("part", "Part (%)", Column.Type.PART)),
                lines, line("total", sum, sum), true, List.of("Note."));
    }

    private static Line line(String key, long n, long total) {
        Map<String, ComputedTable.Value> v = new LinkedHashMap<>();
        v.put("effectif", new Count(n));
        v.put("part", new Part(RapportEngine.percentage(n, total), "effectif"));
        return new Line(key, key.toUpperCase(), v);
    }

    @Test
    void countsFrom1To10AndTheirSharesAreMasked() {
        RapportTable t = SecretStatistique.protect(
                table(new Territoire(Level.COMMUNE, "06088", "Nice"), 0, 1, 10, 11, 25), MaskingPattern.none());
        assertEquals(0L, Cells.cell(t, "a", "effectif"));
        assertEquals(0.0, Cells.cell(t, "a", "part"));
        assertNull(Cells.cell(t, "b", "effectif"));
        assertNull(Cells.cell(t, "b", "part"));
        assertNull(Cells.cell(t, "c", "effectif"));
        assertEquals(11L, Cells.cell(t, "d", "effectif"));
        assertEquals(23.4, Cells.cell(t, "d", "part"));
        assertEquals(47L, t.total().get("effectif"));
        assertEquals(Set.of(new RapportTable.Mask("b", "effectif"), new RapportTable.Mask("b", "part"),
                new RapportTable.Mask("c", "effectif"), new RapportTable.Mask("c", "part")), Set.copyOf(t.masks()));
        assertEquals(List.of("Note.", SecretStatistique.NOTE), t.notes());
    }

    @Test
    void aMaskedTotalMasksEveryShare() {
        RapportTable t = SecretStatistique.protect(
                table(new Territoire(Level.COMMUNE, "69266", "Villeurbanne"), 0, 3), MaskingPattern.none());
        assertEquals(0L, Cells.cell(t, "a", "effectif"));
        assertNull(Cells.cell(t, "a", "part"), "0 / a masked total");
        assertNull(t.total().get("effectif"));
        assertNull(t.total().get("part"));
        assertTrue(t.masks().contains(new RapportTable.Mask("total", "effectif")));
        assertTrue(t.masks().contains(new RapportTable.Mask("a", "part")));
    }

    @Test
    void atEveryLevelCountsFrom1To10AreMaskedAndTheRuleIsExplained() {
        RapportTable t = SecretStatistique.protect(table(Territoire.FRANCE, 0, 1, 10, 11), MaskingPattern.none());
        assertNull(Cells.cell(t, "b", "effectif"));
        assertNull(Cells.cell(t, "c", "effectif"));
        assertEquals(11L, Cells.cell(t, "d", "effectif"));
        assertEquals(List.of("Note.", SecretStatistique.NOTE), t.notes());
    }
}
