package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;


import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.storage.Territoires.Membership;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linked tables of one rapport and millésime (docs/secret-statistique.md): every
 * count cell of every territory of every level, as one array indexed territory × line × count
 * column, with what links them — a territory's cell is the sum of its communes' cells (EPCI and
 * département are not nested), the total line the sum of the category lines, a sum column the
 * sum of its columns. Communes are the leaves; at a level the rapport is not published at (the
 * communes of series 01 and 02), cells are hidden: neither shown nor masked.
 */
public final class LinkedTables {

    /** The leaf level. */
    static final int LEAF = Level.COMMUNE.ordinal();

    public final List<String> lines;
    /** Index of the total line (the last). */
    final int total;
    final boolean publishedTotal;
    /** Whether a line holds counts (a line about a year the data does not cover holds none). */
    final boolean[] availableLine;
    /** Per line: its side in the dimension's accounting identity (+1 left, −1 right, 0 outside or none). */
    final int[] side;
    /** Per line: the line figure it holds ({@code line_figures}), null for most. */
    final String[] lineFigure;
    /**
     * Per line: whether another rapport of the family holds the same line ({@link FamilySuppression}
     * couples them): a unit moves into or out of it only with the same move there.
     */
    private final boolean[] coupled;
    public final List<String> columns;
    /** For a sum column, the indices of the columns it adds; null for a column fed by the SQL. */
    final int[][] members;

    public final List<Territoire> territoires = new ArrayList<>();
    final Map<Territoire, Integer> index = new HashMap<>();
    /** Per territory: whether its level is published. */
    private final List<Boolean> publishedFlags = new ArrayList<>();
    /** Per territory: [line][column] counts. */
    private final List<long[][]> values = new ArrayList<>();
    /** Per commune (leaf) territory: its territory index at each level (Level ordinal), −1 for none. */
    private final Map<Integer, int[]> parents = new HashMap<>();
    /** Per published territory holding figures of earlier releases: [line][column] → what they fixed. */
    private final Map<Integer, FixedFigures.Status[][]> fixed = new HashMap<>();

    private LinkedTables(RapportDefinition def, boolean publishedTotal) {
        List<String> keys = new ArrayList<>(def.dimension().categories().stream().map(Category::key).toList());
        keys.add(ComputedTable.TOTAL_KEY);
        this.lines = List.copyOf(keys);
        this.total = lines.size() - 1;
        this.publishedTotal = publishedTotal;
        this.availableLine = new boolean[lines.size()];
        RapportDefinition.Identity identity = def.dimension().identity();
        this.side = lines.stream().mapToInt(l -> identity == null ? 0 : identity.side(l)).toArray();
        this.lineFigure = lines.stream().map(l -> def.lineFigures().stream().filter(f -> f.line().equals(l))
                .map(RapportDefinition.LineFigure::figure).findFirst().orElse(null)).toArray(String[]::new);
        this.coupled = new boolean[lines.size()];
        List<DeclaredColumn> counts = def.columns().stream().filter(DeclaredColumn::isCount).toList();
        this.columns = counts.stream().map(DeclaredColumn::key).toList();
        this.members = new int[columns.size()][];
        for (int j = 0; j < counts.size(); j++) {
            if (counts.get(j).isSum()) {
                members[j] = counts.get(j).sum().stream().mapToInt(columns::indexOf).toArray();
            }
        }
    }

    /**
     * @param tables the computed tables of every territory of every level the rapport is
     *                      published at, and of every commune (hidden when not published)
     * @param publishedLevels the levels the rapport is published at
     * @param memberships commune code → its territories above
     */
    public static LinkedTables build(RapportDefinition def, List<ComputedTable> tables, Set<Level> publishedLevels,
                                  Map<String, Membership> memberships) {
        return build(def, tables, publishedLevels, memberships, FixedFigures.none());
    }

    /** The same, some cells' status fixed by earlier releases ({@link #earlier}). */
    public static LinkedTables build(RapportDefinition def, List<ComputedTable> tables, Set<Level> publishedLevels,
                                  Map<String, Membership> memberships, FixedFigures earlier) {
        LinkedTables t = new LinkedTables(def, def.total());
        for (ComputedTable table : tables) {
            t.add(table, publishedLevels.contains(table.territoire().level()), earlier);
        }
        for (int i = 0; i < t.territoires.size(); i++) {
            Territoire territoire = t.territoires.get(i);
            if (territoire.level() == Level.COMMUNE) {
                Membership a = memberships.get(territoire.code());
                int[] p = new int[Level.values().length];
                for (Level n : Level.values()) {
                    String code = a == null ? (n == Level.COMMUNE ? territoire.code() : null) : a.code(n, territoire.code());
                    Integer k = code == null ? null : t.index.get(new Territoire(n, code, null));
                    p[n.ordinal()] = k == null ? -1 : k;
                }
                t.parents.put(i, p);
            }
        }
        return t;
    }

    private void add(ComputedTable table, boolean published, FixedFigures earlier) {
        Territoire key = new Territoire(table.territoire().level(), table.territoire().code(), null);
        long[][] v = new long[lines.size()][columns.size()];
        if (published && !earlier.isEmpty()) {
            FixedFigures.Status[][] s = new FixedFigures.Status[lines.size()][columns.size()];
            for (int l = 0; l < lines.size(); l++) {
                for (int j = 0; j < columns.size(); j++) {
                    s[l][j] = earlier.status(key, lines.get(l), columns.get(j));
                }
            }
            fixed.put(territoires.size(), s);
        }
        List<Line> all = new ArrayList<>(table.lines());
        all.add(table.total());
        for (Line line : all) {
            int l = lines.indexOf(line.key());
            for (int j = 0; j < columns.size(); j++) {
                if (line.values().get(columns.get(j)) instanceof Count e) {
                    v[l][j] = e.n();
                    availableLine[l] = true;
                }
            }
        }
        index.put(key, territoires.size());
        territoires.add(table.territoire());
        publishedFlags.add(published);
        values.add(v);
    }

    public int size() {
        return territoires.size();
    }

    Level level(int t) {
        return territoires.get(t).level();
    }

    /**
     * Whether a unit may move into or out of category line k alone: it holds counts, stands
     * outside the dimension's accounting identity and is not coupled.
     */
    boolean movableLine(int k) {
        return availableLine[k] && side[k] == 0 && !coupled[k];
    }

    /** Whether line k is one another rapport of the family holds too: it moves only with it. */
    boolean coupled(int k) {
        return coupled[k];
    }

    /** Couples line k with the same line of another rapport of the family ({@link FamilySuppression}). */
    void couple(int k) {
        coupled[k] = true;
    }

    /** Whether a move may carry a unit on line k: a movable line, or the coupled line it was asked for. */
    boolean carries(int k, int asked) {
        return asked < 0 ? movableLine(k) : k == asked && availableLine[k] && side[k] == 0;
    }

    boolean published(int t) {
        return publishedFlags.get(t);
    }

    /** Whether cell (t, l, j) is published (its level is, and the line is the total only if the total is). */
    boolean publishedCell(int t, int l) {
        return publishedFlags.get(t) && availableLine[l] && (l != total || publishedTotal);
    }

    /** What an earlier release fixed of cell (t, l, j): its value shown, its mask, or nothing. */
    FixedFigures.Status fixed(int t, int l, int j) {
        FixedFigures.Status[][] s = fixed.isEmpty() ? null : fixed.get(t);
        return s == null ? FixedFigures.Status.FREE : s[l][j];
    }

    long value(int t, int l, int j) {
        return values.get(t)[l][j];
    }

    /** A commune's territory index at each level (Level ordinal), −1 for none. */
    int[] parents(int commune) {
        return parents.get(commune);
    }

    /** The index of territory {@code t}'s code at its level, for a lookup by (niveau, code). */
    Integer index(Level level, String code) {
        return index.get(new Territoire(level, code, null));
    }

    /** The communes (leaf indices) holding at least one non-zero count, by code. */
    List<Integer> nonEmptyLeaves() {
        List<Integer> f = new ArrayList<>();
        for (int i : parents.keySet().stream().sorted(Comparator.comparing(i -> territoires.get(i).code())).toList()) {
            if (sum(i) > 0) {
                f.add(i);
            }
        }
        return f;
    }

    /** The sum of a territory's counts over every line and column (a size, for ordering). */
    long sum(int t) {
        long s = 0;
        for (long[] line : values.get(t)) {
            for (long v : line) {
                s += v;
            }
        }
        return s;
    }

    /** Whether count column {@code j} is a sum column holding column {@code c}. */
    boolean contains(int j, int c) {
        if (members[j] == null) {
            return false;
        }
        for (int m : members[j]) {
            if (m == c) {
                return true;
            }
        }
        return false;
    }
}
