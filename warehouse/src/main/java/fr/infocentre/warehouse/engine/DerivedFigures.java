package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.secret.SecretStatistique;


import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable.Cell;
import fr.infocentre.warehouse.engine.ComputedTable.Derived;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.NotAvailable;
import fr.infocentre.warehouse.engine.ComputedTable.Part;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;
import fr.infocentre.warehouse.engine.ComputedTable.Value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures computed from the counts of a table (shares, ratios, changes in %) and the
 * statistics placed in their columns: turns lines holding only counts into lines holding every
 * declared column, in display order. Each derived figure records the count cells it comes from,
 * so that {@link SecretStatistique} masks it with them.
 */
final class DerivedFigures {

    private static final NotAvailable EMPTY = new NotAvailable();

    private DerivedFigures() {
    }

    /**
     * @param lines      category lines holding their counts (or {@link NotAvailable})
     * @param total      the total line, counts only
     * @param statistics line key (or total) → column key → statistic, for the statistic columns
     * @return the category lines then the total line, complete
     */
    static List<Line> complete(RapportDefinition def, List<Line> lines, Line total,
                                 Map<String, Map<String, Statistic>> statistics) {
        List<Line> completes = new ArrayList<>();
        Line previous = null;
        for (Line line : lines) {
            completes.add(complete(def, line, previous, total, statistics));
            previous = line;
        }
        completes.add(complete(def, total, null, total, statistics));
        return completes;
    }

    private static Line complete(RapportDefinition def, Line line, Line previous, Line total,
                                   Map<String, Map<String, Statistic>> statistics) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (DeclaredColumn c : def.columns()) {
            Value v;
            if (c.isCount()) {
                v = line.values().get(c.key());
            } else if (c.isPart()) {
                v = part(line, total, c.partOf());
            } else if (c.isRatio()) {
                v = ratio(line, c.ratio().get(0), c.ratio().get(1), c.percent() ? 100 : 1);
            } else if (c.isVariation()) {
                v = c.variation().reference() == null
                        ? variation(previous, c.variation().column(), line, c.variation().column())
                        : variation(line, c.variation().reference(), line, c.variation().column());
            } else {
                v = isAvailable(line) ? statistics.getOrDefault(line.key(), Map.of())
                        .getOrDefault(c.key(), new Statistic(null, 0)) : EMPTY;
            }
            values.put(c.key(), v);
        }
        return new Line(line.key(), line.label(), values);
    }

    private static boolean isAvailable(Line line) {
        return line.values().values().stream().noneMatch(v -> v instanceof NotAvailable);
    }

    private static Value part(Line line, Line total, String column) {
        if (!(line.values().get(column) instanceof Count n) || !(total.values().get(column) instanceof Count t)) {
            return EMPTY;
        }
        return new Part(t.n() == 0 ? null : RapportEngine.percentage(n.n(), t.n()), column);
    }

    /** a × facteur / b, one decimal half up; null when b is 0. */
    private static Value ratio(Line line, String a, String b, long factor) {
        if (!(line.values().get(a) instanceof Count na) || !(line.values().get(b) instanceof Count count)) {
            return EMPTY;
        }
        return new Derived(count.n() == 0 ? null : rounded(BigDecimal.valueOf(na.n() * factor), BigDecimal.valueOf(count.n())),
                List.of(new Cell(line.key(), a), new Cell(line.key(), b)));
    }

    /** (apres − avant) / avant in %, one decimal half up; null when avant is 0. */
    private static Value variation(Line lineBefore, String before, Line lineAfter, String after) {
        if (lineBefore == null || !(lineBefore.values().get(before) instanceof Count na)
                || !(lineAfter.values().get(after) instanceof Count count)) {
            return EMPTY;
        }
        return new Derived(na.n() == 0 ? null
                : rounded(BigDecimal.valueOf((count.n() - na.n()) * 100L), BigDecimal.valueOf(na.n())),
                List.of(new Cell(lineBefore.key(), before), new Cell(lineAfter.key(), after)));
    }

    private static double rounded(BigDecimal a, BigDecimal b) {
        return a.divide(b, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
