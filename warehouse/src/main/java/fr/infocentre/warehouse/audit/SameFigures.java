package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.SameFigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The lines repeating a total figure ({@code same_figures}: the December stock is the stock at 31
 * December of series 03) checked against that figure's rapports in the files of a release: in
 * every territory, the same value or the same mask; likewise a figure several rapports hold (their
 * total line, a line they share). Such a line stands alone (no total line, no
 * identity: the catalogue checks it), so when it agrees it tells an attacker nothing the figure's
 * rapports do not, and {@link JointAudit}'s attack of those rapports covers it; where it differs,
 * it shows what they mask, or masks what they show.
 */
public final class SameFigures {

    private SameFigures() {
    }

    /** What the check compared, and where the line differs from the figure's rapports. */
    public record Result(int compared, List<String> differences) {
    }

    /**
     * @param definitions the rapports of the release, in publication order
     * @param published   a rapport's published tables, every territory of every level
     */
    public static Result check(Map<String, RapportDefinition> definitions, Function<String, List<RapportTable>> published) {
        Map<String, Map<String, RapportTable>> byFigure = new HashMap<>();
        Map<String, String> figureLines = new HashMap<>();
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (RapportDefinition def : definitions.values()) {
            for (SameFigure f : def.sameFigures()) {
                if (f.sumOfLines() && !def.total()) {
                    continue; // not published here: the joint attack ties it to the figure
                }
                List<Map<String, RapportTable>> holders = new ArrayList<>();
                for (String name : f.figures()) {
                    holders.add(byFigure.computeIfAbsent(name, figure -> RapportDefinition
                            .figureHolder(definitions.values(), figure).map(d -> {
                                figureLines.put(figure, d.figureLine(figure));
                                return byTerritory(published.apply(d.rapport().id()));
                            }).orElse(null)));
                }
                if (holders.contains(null)) {
                    continue; // the figure's rapports are not in the release
                }
                for (RapportTable table : published.apply(def.rapport().id())) {
                    String territoire = key(table.territoire().level(), table.territoire().code());
                    Map<String, Object> line = table.lineOf(f.line());
                    for (Map.Entry<String, String> c : f.columns().entrySet()) {
                        String there = shownSum(f, holders, figureLines, territoire, c.getValue());
                        if (line == null || there == null) {
                            differences.add(def.rapport().id() + " " + territoire + ": no line " + f.line()
                                    + " or no figure to compare");
                            continue;
                        }
                        String here = shown(table, line, c.getKey());
                        if (!Objects.equals(here, there)) {
                            differences.add(def.rapport().id() + " " + territoire + " " + f.line() + " " + c.getKey()
                                    + " = " + here + ", " + f.sumName() + " " + c.getValue() + " = " + there);
                        }
                        compared++;
                    }
                }
            }
        }
        compared += compareHolders(definitions, published, differences);
        return new Result(compared, differences);
    }

    /**
     * A figure several rapports hold (a family's total line; a line figure two of them share, as a
     * household of one person is a personne seule): in every territory both publish, each count
     * column both have, the same value or the same mask as in the figure's first holder. Returns
     * the cells compared.
     */
    private static int compareHolders(Map<String, RapportDefinition> definitions,
                                      Function<String, List<RapportTable>> published, List<String> differences) {
        Map<String, List<RapportDefinition>> holders = new TreeMap<>();
        for (RapportDefinition def : definitions.values()) {
            def.ownFigures().forEach(figure -> holders.computeIfAbsent(figure, k -> new ArrayList<>()).add(def));
        }
        int compared = 0;
        for (Map.Entry<String, List<RapportDefinition>> e : holders.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            String figure = e.getKey();
            RapportDefinition first = RapportDefinition.figureHolder(e.getValue(), figure).orElseThrow();
            Map<String, RapportTable> reference = byTerritory(published.apply(first.rapport().id()));
            for (RapportDefinition other : e.getValue()) {
                if (other == first) {
                    continue;
                }
                for (RapportTable table : published.apply(other.rapport().id())) {
                    String territoire = key(table.territoire().level(), table.territoire().code());
                    RapportTable there = reference.get(territoire);
                    Map<String, Object> line = table.lineOf(other.figureLine(figure));
                    Map<String, Object> figureLine = there == null ? null : there.lineOf(first.figureLine(figure));
                    if (line == null || figureLine == null) {
                        continue; // a level the figure's first holder does not publish
                    }
                    for (DeclaredColumn c : other.columns()) {
                        if (c.isCount() && figureLine.containsKey(c.key())) {
                            String here = shown(table, line, c.key()), expected = shown(there, figureLine, c.key());
                            if (!here.equals(expected)) {
                                differences.add(other.rapport().id() + " " + territoire + " " + figure + " " + c.key()
                                        + " = " + here + ", " + first.rapport().id() + " = " + expected);
                            }
                            compared++;
                        }
                    }
                }
            }
        }
        return compared;
    }

    /**
     * The figures' cells of the territory in that column as the public reads their sum: "s" when
     * one is masked, else the sum; null when one is missing.
     */
    private static String shownSum(SameFigure f, List<Map<String, RapportTable>> holders, Map<String, String> figureLines,
                                   String territoire, String column) {
        long sum = 0;
        boolean masked = false;
        for (int i = 0; i < holders.size(); i++) {
            RapportTable holder = holders.get(i).get(territoire);
            Map<String, Object> figure = holder == null ? null : holder.lineOf(figureLines.get(f.figures().get(i)));
            if (figure == null) {
                return null;
            }
            if (holder.mask(figure, column)) {
                masked = true;
            } else if (figure.get(column) != null) {
                sum += ((Number) figure.get(column)).longValue();
            } else {
                return null;
            }
        }
        return masked ? "s" : String.valueOf(sum);
    }

    private static Map<String, RapportTable> byTerritory(List<RapportTable> tables) {
        Map<String, RapportTable> map = new HashMap<>();
        tables.forEach(t -> map.put(key(t.territoire().level(), t.territoire().code()), t));
        return map;
    }

    private static String key(Level level, String code) {
        return level.key() + " " + code;
    }

    /** The cell as the public reads it: its value, or "s" when masked. */
    private static String shown(RapportTable table, Map<String, Object> line, String column) {
        return table.mask(line, column) ? "s" : String.valueOf(line.get(column));
    }
}
