package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;


import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The masked count cells (primary and secondary) of every territory for one rapport and
 * millésime, as {@link SecondarySuppression} chose them over the linked tables: applied to each
 * territory's table by {@link SecretStatistique}, so that every format and every request shows
 * the same pattern.
 */
public final class MaskingPattern {

    private final Map<Territoire, Set<RapportTable.Mask>> perTerritoire = new HashMap<>();
    private final Map<Level, long[]> counts = new HashMap<>();
    private final Map<Level, long[]> totals = new HashMap<>();

    /** No cell masked by the pattern: {@link SecretStatistique#protect} still masks a table's own small counts. */
    static MaskingPattern none() {
        return new MaskingPattern();
    }

    public static MaskingPattern since(LinkedTables tables, SecondarySuppression.Result result) {
        MaskingPattern m = new MaskingPattern();
        for (int t = 0; t < tables.size(); t++) {
            Territoire territoire = tables.territoires.get(t);
            long[] c = m.counts.computeIfAbsent(territoire.level(), n -> new long[3]);
            long[] total = m.totals.computeIfAbsent(territoire.level(), n -> new long[3]);
            for (int l = 0; l < tables.lines.size(); l++) {
                for (int j = 0; j < tables.columns.size(); j++) {
                    if (!tables.publishedCell(t, l)) {
                        continue;
                    }
                    c[0]++;
                    if (l == tables.total) {
                        total[0]++;
                    }
                    if (result.mask()[t][l][j]) {
                        c[result.primary()[t][l][j] ? 1 : 2]++;
                        if (l == tables.total) {
                            total[result.primary()[t][l][j] ? 1 : 2]++;
                        }
                        m.perTerritoire.computeIfAbsent(key(territoire), k -> new HashSet<>())
                                .add(new RapportTable.Mask(tables.lines.get(l), tables.columns.get(j)));
                    }
                }
            }
        }
        return m;
    }

    private static Territoire key(Territoire t) {
        return new Territoire(t.level(), t.code(), null);
    }

    /** The masked count cells of the territory's table. */
    Set<RapportTable.Mask> masks(Territoire territoire) {
        return perTerritoire.getOrDefault(key(territoire), Set.of());
    }

    /** Per level: published count cells, primary masked, secondary masked (levels the rapport is published at). */
    public Map<Level, long[]> counts() {
        return counts;
    }

    /** The same for the cells of the total line only (none when the total is not published). */
    public Map<Level, long[]> totals() {
        return totals;
    }
}
