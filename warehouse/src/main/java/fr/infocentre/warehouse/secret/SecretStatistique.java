package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.RapportEngine;
import fr.infocentre.warehouse.storage.Territoires;


import fr.infocentre.warehouse.engine.ComputedTable.Derived;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Part;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;
import fr.infocentre.warehouse.engine.ComputedTable.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protection step (docs/secret-statistique.md): the only way from a computed
 * table to a published {@link RapportTable}, so that no renderer ever sees an unmasked small
 * count.
 *
 * <p>The count cells to mask are chosen once per rapport and millésime over all its linked
 * tables ({@link #choosePattern}: every count from 1 to {@value #MAX_THRESHOLD} at every level, and the
 * complementary cells {@link SecondarySuppression} adds so that none of them can be recomputed
 * from what is published). {@link #protect} applies that pattern to one territory's table and
 * masks every figure computed from a masked count: a share (as numerator or denominator), a ratio
 * or a change in % (either input); and a mean or a median over 1 to {@value #MAX_THRESHOLD} units. A
 * count of 0 is shown. Masked figures are {@code null} and listed in {@link RapportTable#masks()}.
 * A cell the data cannot fill ({@link ComputedTable.NotAvailable}) is {@code null} too, but not
 * listed: a note of the table explains it.
 */
public final class SecretStatistique {

    public static final int MAX_THRESHOLD = 10;
    public static final String NOTE = "s : secret statistique. Les effectifs de 1 à " + MAX_THRESHOLD
            + " sont masqués, ainsi que d'autres cases choisies pour qu'ils ne puissent pas être recalculés"
            + " par différence, ici ou à un autre niveau territorial.";

    private SecretStatistique() {
    }

    /**
     * The masking pattern of a rapport and millésime.
     *
     * @param tables the computed tables of every territory of every level the rapport is
     *               published at, and of every commune (the leaves, hidden when not published)
     */
    public static MaskingPattern choosePattern(RapportDefinition def, List<ComputedTable> tables, Map<String, Territoires.Membership> memberships) {
        LinkedTables linked = LinkedTables.build(def, tables, Set.copyOf(def.rapport().levels()), memberships);
        return MaskingPattern.since(linked, SecondarySuppression.choosePattern(linked));
    }

    /**
     * The masking patterns of rapports whose total line is the same figure, chosen together
     * ({@link SecondarySuppression#choosePatterns}); {@code tables.get(i)} are rapport i's tables.
     */
    public static List<MaskingPattern> choosePatterns(List<RapportDefinition> defs, List<List<ComputedTable>> tables,
                                                      Map<String, Territoires.Membership> memberships) {
        List<LinkedTables> linked = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            RapportDefinition def = defs.get(i);
            linked.add(LinkedTables.build(def, tables.get(i), Set.copyOf(def.rapport().levels()), memberships));
        }
        List<SecondarySuppression.Result> results = SecondarySuppression.choosePatterns(linked);
        List<MaskingPattern> patterns = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            patterns.add(MaskingPattern.since(linked.get(i), results.get(i)));
        }
        return patterns;
    }

    /** The published table: the pattern's count cells masked, and every figure derived from a masked one. */
    public static RapportTable protect(ComputedTable table, MaskingPattern pattern) {
        return protect(table, pattern.masks(table.territoire()));
    }

    /**
     * The published table with these count cells masked — a pattern this step chose for the same figures
     * elsewhere (the columns of a table that repeats figures protected on their own keep their status there) —,
     * its own small counts, and every figure derived from a masked one.
     */
    public static RapportTable protect(ComputedTable table, Set<RapportTable.Mask> countMasks) {
        Set<RapportTable.Mask> masks = new HashSet<>(countMasks);
        for (Line line : lines(table)) {
            line.values().forEach((column, value) -> {
                if (value instanceof Statistic st && small(st.units())
                        || value instanceof Count e && small(e.n())) {
                    masks.add(new RapportTable.Mask(line.key(), column));
                }
            });
        }
        for (Line line : lines(table)) {
            line.values().forEach((column, value) -> {
                if (value instanceof Part p
                        && (masks.contains(new RapportTable.Mask(line.key(), p.countColumn()))
                        || masks.contains(new RapportTable.Mask(ComputedTable.TOTAL_KEY, p.countColumn())))
                        || value instanceof Derived d && d.sources().stream()
                        .anyMatch(c -> masks.contains(new RapportTable.Mask(c.line(), c.column())))) {
                    masks.add(new RapportTable.Mask(line.key(), column));
                }
            });
        }
        return publish(table, masks);
    }

    /** A count (of demandes, attributions or units) that may not be revealed: 1 to {@value #MAX_THRESHOLD}. */
    private static boolean small(long n) {
        return n >= 1 && n <= MAX_THRESHOLD;
    }

    /** The table as published with exactly these cells masked (null and listed), and the note on the rule. */
    public static RapportTable publish(ComputedTable table, Set<RapportTable.Mask> masks) {
        List<Map<String, Object>> lines = table.lines().stream().map(l -> line(l, masks)).toList();
        Map<String, Object> total = table.publishedTotal() ? line(table.total(), masks) : null;
        List<RapportTable.Mask> published = new ArrayList<>();
        for (Line line : table.publishedTotal() ? lines(table) : table.lines()) {
            for (String column : line.values().keySet()) {
                RapportTable.Mask m = new RapportTable.Mask(line.key(), column);
                if (masks.contains(m)) {
                    published.add(m);
                }
            }
        }
        List<String> notes = new ArrayList<>(table.notes());
        notes.add(NOTE);
        return new RapportTable(table.rapport(), table.territoire(), table.millesime(), table.columns(), lines, total,
                List.copyOf(published), List.copyOf(notes));
    }

    private static List<Line> lines(ComputedTable table) {
        List<Line> all = new ArrayList<>(table.lines());
        all.add(table.total());
        return all;
    }

    /** A published line: "cle" (category key), "categorie" (label), then one entry per column. */
    private static Map<String, Object> line(Line line, Set<RapportTable.Mask> masks) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cle", line.key());
        values.put(RapportEngine.LABEL_COLUMN, line.label());
        line.values().forEach((column, value) -> values.put(column,
                masks.contains(new RapportTable.Mask(line.key(), column)) ? null : number(value)));
        return Collections.unmodifiableMap(values);
    }

    private static Object number(Value value) {
        if (value instanceof Count e) {
            return e.n();
        }
        if (value instanceof Part p) {
            return p.percentage();
        }
        if (value instanceof Derived d) {
            return d.value();
        }
        if (value instanceof Statistic st) {
            return st.value();
        }
        return null; // NotAvailable
    }
}
