package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Cell;
import fr.infocentre.warehouse.engine.RapportEngine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of a rapport that earlier releases already published (docs/releases.md, "One value
 * per figure across years"). In a dimension of years, the line of year N + k (offset k &lt; 0) is,
 * for the same territory, the line of year N of release N + k. When release N + k holds the
 * rapport for every territory the rapport is published at in N, that line is taken from it: a
 * figure shown there is shown here with the same value, a figure masked there is masked here, and
 * the protection of N keeps both as they are ({@link #status}). A year with no release, or whose
 * release lacks the rapport or one of the territories, is computed afresh.
 */
public final class EarlierFigures {

    /** What an earlier release fixed of a cell: nothing, its value shown, or its mask. */
    public enum Status { FREE, SHOWN, MASKED }

    private static final EarlierFigures NONE = new EarlierFigures(Map.of(), new TreeMap<>());

    /** Territory (level, code) → category cell → the count shown, or {@link Status#MASKED}. */
    private final Map<Territoire, Map<Cell, Object>> held;
    /** The years taken from a release → the edition they come from. */
    private final SortedMap<Integer, Integer> editions;

    private EarlierFigures(Map<Territoire, Map<Cell, Object>> held, SortedMap<Integer, Integer> editions) {
        this.held = held;
        this.editions = editions;
    }

    /** No earlier release: every figure computed afresh. */
    public static EarlierFigures none() {
        return NONE;
    }

    /**
     * @param published the tables of millésime {@code millesime} at every level the rapport is
     *                  published at (the territories whose earlier lines are looked up)
     */
    public static EarlierFigures read(RapportDefinition def, int millesime, Releases releases,
                                      List<ComputedTable> published) {
        Optional<String> yearLine = def.dimension().currentYearLine();
        if (yearLine.isEmpty()) {
            return NONE;
        }
        List<String> countColumns = def.columns().stream().filter(DeclaredColumn::isCount).map(DeclaredColumn::key)
                .toList();
        Map<Territoire, Map<Cell, Object>> held = new HashMap<>();
        SortedMap<Integer, Integer> editions = new TreeMap<>();
        for (Category c : def.dimension().categories()) {
            int year = c.millesime(millesime);
            if (year >= millesime || !releases.millesimes().contains(year)) {
                continue;
            }
            Map<Territoire, RapportTable> earlier = tables(def, year, releases, published);
            if (earlier == null) {
                continue;
            }
            earlier.forEach((territoire, table) -> table.lines().stream()
                    .filter(line -> yearLine.get().equals(line.get("cle"))).findFirst().ifPresent(line -> {
                        for (String column : countColumns) {
                            Object value = line.get(column);
                            Object kept = value != null ? (Object) ((Number) value).longValue()
                                    : table.mask(line, column) ? Status.MASKED : null;
                            if (kept != null) {
                                held.computeIfAbsent(territoire, k -> new HashMap<>()).put(new Cell(c.key(), column), kept);
                            }
                        }
                    }));
            editions.put(year, releases.edition(year).orElseThrow());
        }
        return new EarlierFigures(held, editions);
    }

    /** Release {@code year}'s table of every published territory, or null when one is missing. */
    private static Map<Territoire, RapportTable> tables(RapportDefinition def, int year, Releases releases,
                                                        List<ComputedTable> published) {
        Map<Territoire, RapportTable> tables = new HashMap<>();
        for (ComputedTable t : published) {
            try {
                tables.put(key(t.territoire()), releases.table(def.rapport().id(), t.territoire().level(),
                        t.territoire().code(), year));
            } catch (InvalidRequest e) {
                return null;
            }
        }
        return tables;
    }

    private static Territoire key(Territoire t) {
        return new Territoire(t.level(), t.code(), null);
    }

    /** The table with the figures earlier releases showed in place of those computed, and a note saying so. */
    public ComputedTable apply(RapportDefinition def, ComputedTable table) {
        Map<Cell, Object> cells = held.get(key(table.territoire()));
        if (cells == null) {
            return table;
        }
        Map<Cell, Long> shown = new HashMap<>();
        cells.forEach((cell, kept) -> {
            if (kept instanceof Long n) {
                shown.put(cell, n);
            }
        });
        return RapportEngine.withCounts(def, table, shown, note());
    }

    /** What an earlier release fixed of that cell of the territory's table. */
    public Status status(Territoire territoire, String line, String column) {
        Map<Cell, Object> cells = held.get(key(territoire));
        Object kept = cells == null ? null : cells.get(new Cell(line, column));
        return kept == null ? Status.FREE : kept == Status.MASKED ? Status.MASKED : Status.SHOWN;
    }

    /** Whether any figure comes from an earlier release. */
    public boolean isEmpty() {
        return held.isEmpty();
    }

    private String note() {
        String years = editions.entrySet().stream()
                .map(e -> e.getKey() + " (millésime " + e.getKey() + ", édition " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return "Chiffres de " + years + " : repris tels que " + (editions.size() == 1 ? "ce millésime les a publiés"
                : "ces millésimes les ont publiés") + ", secret statistique compris, pour qu'une donnée garde la même"
                + " valeur d'une publication à l'autre.";
    }
}
