package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.IndicatorColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension;
import fr.infocentre.warehouse.engine.ComputedTable.Cell;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Derived;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Value;
import fr.infocentre.warehouse.engine.GuichetBatch.Aggregate;
import fr.infocentre.warehouse.secret.SecretStatistique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rapport by guichet laid out as the linked tables the secret statistique protects
 * ({@link SecretStatistique}, docs/secret-statistique.md "Series 06: the diffusable version"): the
 * guichets are the leaves (as communes are for the public rapports), each département and région
 * the sum of its guichets. A count column T and the columns declared {@code subset_of} it are one
 * family sharing the total figure T: for each subset s, a rapport of two lines, s and T − s (its
 * complement), whose total line is T — so that neither s, nor T − s, nor a count of another
 * guichet or of the reference line recomputes a masked count. A count without subsets is a rapport
 * of its own, one line. A ratio lies on its numerator's line (its sources: that line and the total),
 * a mean on the line of the count whose units it averages (its source: that count): each is masked
 * with a count it is computed from.
 */
public final class GuichetTables {

    /** The count column of every member rapport. */
    public static final String N = "n";
    /** The published levels: the reference lines (départements, régions) and the guichets (as communes). */
    public static final List<Level> LEVELS = List.of(Level.REGION, Level.DEPARTEMENT, Level.COMMUNE);

    private GuichetTables() {
    }

    /** Where a column of the rapport lies among the member rapports: member index, line key, column key. */
    public record Place(int member, String line, String column) {
    }

    /**
     * The member rapports (definitions in an order fixed by the declaration, each with the total
     * figure of its family or null), and where each column of the rapport lies.
     */
    public record Layout(List<RapportDefinition> members, Map<String, Place> places) {
    }

    public static Layout layout(GuichetRapportDefinition def) {
        List<RapportDefinition> members = new ArrayList<>();
        Map<String, Place> places = new LinkedHashMap<>();
        String id = def.rapport().id();
        for (IndicatorColumn total : def.totals()) {
            List<IndicatorColumn> subsets = def.subsetsOf(total.key());
            if (subsets.isEmpty()) {
                places.put(total.key(), new Place(members.size(), total.key(), N));
                members.add(member(id + "/" + total.key(), List.of(new Category(total.key(), total.label(), null)),
                        false, null));
                continue;
            }
            places.put(total.key(), new Place(members.size(), ComputedTable.TOTAL_KEY, N));
            for (IndicatorColumn s : subsets) {
                places.put(s.key(), new Place(members.size(), s.key(), N));
                members.add(member(id + "/" + total.key() + "/" + s.key(), List.of(new Category(s.key(), s.label(), null),
                        new Category(complement(s), "Autres (" + total.label() + ")", null)), true, id + "/" + total.key()));
            }
        }
        for (IndicatorColumn c : def.columns()) {
            switch (c.kind()) {
                case RATIO -> places.put(c.key(), new Place(places.get(c.ratio().get(0)).member(), c.ratio().get(0), c.key()));
                case MEAN -> {
                    Place of = places.get(c.meanOf());
                    places.put(c.key(), new Place(of.member(), of.line(), c.key()));
                }
                case COUNT -> {
                }
            }
        }
        return new Layout(List.copyOf(members), places);
    }

    /** The line of the units of the total a subset does not count. */
    static String complement(IndicatorColumn subset) {
        return subset.key() + "_complement";
    }

    private static RapportDefinition member(String id, List<Category> lines, boolean total, String figure) {
        Rapport rapport = new Rapport(id, "06", id, "", "guichet", LEVELS, "bar");
        return new RapportDefinition(rapport, new Dimension("Guichet", "guichet", lines, null),
                List.of(new DeclaredColumn(N, "Effectif", null, null, null, false, null, null)), total, "", false, "", null,
                figure, List.of());
    }

    /**
     * The computed tables of one member rapport, one per territory (guichets as communes, départements,
     * régions), from each territory's aggregates.
     *
     * @param year a year the tables are tagged with (the period's)
     */
    public static List<ComputedTable> tables(GuichetRapportDefinition def, Layout layout, int member,
                                             List<Territoire> territoires, Map<Territoire, Map<String, Aggregate>> aggregates,
                                             int year) {
        RapportDefinition m = layout.members().get(member);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(RapportEngine.LABEL_COLUMN, "Guichet", Column.Type.LABEL));
        columns.add(new Column(N, "Effectif", Column.Type.COUNT));
        for (IndicatorColumn c : def.columns()) {
            Place p = layout.places().get(c.key());
            if (c.kind() != GuichetRapportDefinition.Kind.COUNT && p.member() == member) {
                columns.add(new Column(c.key(), c.label(), c.type()));
            }
        }
        List<ComputedTable> tables = new ArrayList<>();
        for (Territoire t : territoires) {
            Map<String, Aggregate> a = aggregates.getOrDefault(t, Map.of());
            List<Line> lines = new ArrayList<>();
            Line total = null;
            for (Category k : m.dimension().categories()) {
                lines.add(line(def, layout, member, k.key(), k.label(), a));
            }
            if (m.total()) {
                total = line(def, layout, member, ComputedTable.TOTAL_KEY, "Total", a);
            } else {
                Line only = lines.get(0);
                total = new Line(ComputedTable.TOTAL_KEY, "Total", Map.of(N, only.values().get(N)));
            }
            tables.add(new ComputedTable(m.rapport(), t, year, List.copyOf(columns), lines, total, m.total(), List.of()));
        }
        return tables;
    }

    /** A line: its count (a subset, its complement, the total) and the ratios and means placed on it. */
    private static Line line(GuichetRapportDefinition def, Layout layout, int member, String key, String label,
                             Map<String, Aggregate> a) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put(N, new Count(count(def, layout, member, key, a)));
        for (IndicatorColumn c : def.columns()) {
            Place p = layout.places().get(c.key());
            if (c.kind() == GuichetRapportDefinition.Kind.COUNT || p.member() != member || !p.line().equals(key)) {
                continue;
            }
            if (c.kind() == GuichetRapportDefinition.Kind.RATIO) {
                values.put(c.key(), new Derived(GuichetFigures.ratio(c, n(a, c.ratio().get(0)), n(a, c.ratio().get(1))),
                        List.of(new Cell(key, N), new Cell(ComputedTable.TOTAL_KEY, N))));
            } else {
                values.put(c.key(), new Derived(GuichetFigures.mean(a.getOrDefault(c.meanOf(), Aggregate.ZERO)),
                        List.of(new Cell(key, N))));
            }
        }
        return new Line(key, label, values);
    }

    /** The count of a line of a member: its column, its complement (total − subset), or the total. */
    private static long count(GuichetRapportDefinition def, Layout layout, int member, String key, Map<String, Aggregate> a) {
        for (IndicatorColumn c : def.counts()) {
            Place p = layout.places().get(c.key());
            if (c.subsetOf() != null && p.member() == member) {
                if (key.equals(c.key())) {
                    return n(a, c.key());
                }
                if (key.equals(complement(c))) {
                    return n(a, c.subsetOf()) - n(a, c.key());
                }
                return n(a, c.subsetOf()); // the total line
            }
            if (c.subsetOf() == null && p.member() == member && key.equals(c.key())) {
                return n(a, c.key());
            }
        }
        throw new IllegalArgumentException("No count for line " + key + " of member " + member);
    }

    private static long n(Map<String, Aggregate> a, String column) {
        return a.getOrDefault(column, Aggregate.ZERO).n();
    }
}
