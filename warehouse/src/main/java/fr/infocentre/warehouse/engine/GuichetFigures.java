package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.IndicatorColumn;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.Threshold;
import fr.infocentre.warehouse.engine.GuichetBatch.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one row of a rapport by guichet, from its count columns' aggregates (a guichet's,
 * or a reference line's: the sum of its guichets'), and its flags: a count is the number of units; a
 * ratio numerator × 100 / denominator (or the complement, the share of the denominator's units the
 * numerator does not count), one decimal half up, null over 0; a mean the sum of the valeur over
 * their number, one decimal half up, null over none. Flags compare the exact (unrounded) figures.
 */
public final class GuichetFigures {

    private GuichetFigures() {
    }

    /** The published values: column key → Long (a count), Double (a ratio or a mean) or null (undefined). */
    public static Map<String, Object> values(GuichetRapportDefinition def, Map<String, Aggregate> aggregates) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (IndicatorColumn c : def.columns()) {
            values.put(c.key(), switch (c.kind()) {
                case COUNT -> count(aggregates, c.key());
                case RATIO -> ratio(c, count(aggregates, c.ratio().get(0)), count(aggregates, c.ratio().get(1)));
                case MEAN -> mean(aggregates.getOrDefault(c.meanOf(), Aggregate.ZERO));
            });
        }
        return values;
    }

    /** The exact value of every column (null where undefined), as the thresholds compare them. */
    public static Map<String, Double> exact(GuichetRapportDefinition def, Map<String, Aggregate> aggregates) {
        Map<String, Double> exact = new HashMap<>();
        for (IndicatorColumn c : def.columns()) {
            exact.put(c.key(), switch (c.kind()) {
                case COUNT -> (double) count(aggregates, c.key());
                case RATIO -> {
                    long n = count(aggregates, c.ratio().get(0)), d = count(aggregates, c.ratio().get(1));
                    yield d == 0 ? null : (c.complement() ? d - n : n) * (c.percent() ? 100.0 : 1.0) / d;
                }
                case MEAN -> {
                    Aggregate a = aggregates.getOrDefault(c.meanOf(), Aggregate.ZERO);
                    yield a.values() == 0 ? null : a.sum() / a.values();
                }
            });
        }
        return exact;
    }

    /**
     * The columns of a row whose value falls outside their threshold, compared with its reference
     * line (for a reference line: itself, so that only absolute conditions can flag it).
     */
    public static Set<String> flags(GuichetRapportDefinition def, Map<String, Double> row, Map<String, Double> reference) {
        Set<String> flagged = new LinkedHashSet<>();
        for (IndicatorColumn c : def.columns()) {
            Threshold t = c.threshold();
            if (t != null && t.flags(row.get(c.key()), reference.get(c.key()), t.per() == null ? null : row.get(t.per()),
                    t.per() == null ? null : reference.get(t.per()))) {
                flagged.add(c.key());
            }
        }
        return flagged;
    }

    /**
     * The cells a column's flag reads, as (true: the reference line's, false: the row's) and column:
     * its own cell, and for a relative threshold the reference line's, and the {@code per} cells of both.
     */
    public static List<Map.Entry<Boolean, String>> flagInputs(IndicatorColumn c) {
        List<Map.Entry<Boolean, String>> inputs = new ArrayList<>();
        inputs.add(Map.entry(false, c.key()));
        Threshold t = c.threshold();
        if (t != null && t.relative()) {
            inputs.add(Map.entry(true, c.key()));
            if (t.per() != null) {
                inputs.add(Map.entry(false, t.per()));
                inputs.add(Map.entry(true, t.per()));
            }
        }
        return inputs;
    }

    private static long count(Map<String, Aggregate> aggregates, String column) {
        return aggregates.getOrDefault(column, Aggregate.ZERO).n();
    }

    /** A ratio as published: one decimal half up, null over 0. */
    public static Double ratio(IndicatorColumn c, long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        long n = c.complement() ? denominator - numerator : numerator;
        return c.percent() ? RapportEngine.percentage(n, denominator)
                : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A mean as published: one decimal half up, null over no value. */
    public static Double mean(Aggregate a) {
        return a.values() == 0 ? null : Statistics.rounded(a.sum() / a.values());
    }
}
