package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.format.ServedVersion;


import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable.Cell;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.NotAvailable;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;
import fr.infocentre.warehouse.engine.ComputedTable.Value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report engine: lays out a territory's counts, computed by {@link LevelBatch} from the
 * rapport's SQL (counts at the commune grain for the year set as the session variable
 * {@code millesime}, rolled up to the territory through the {@code communes} table), in the
 * dimension's order (every category, even at 0), adds sums and total, then the derived figures
 * and statistics ({@link DerivedFigures}, {@link Statistics}), and the notes on what is counted.
 * A line about a year the data does not cover (a category with a {@code offset}) is left empty,
 * with a note.
 */
public final class RapportEngine {

    public static final String LABEL_COLUMN = "categorie";
    private static final String TOTAL = "Total";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The macros of macros.sql through which a rapport reads the attributes of a demande as they stood at a date. */
    private static final List<String> VERSION_READS = List.of("demandes_on(", "demandes_active_on(",
            "version_valid_on(", "versions_hors_associations(");

    private final ServedVersion version;
    private final List<Integer> millesimes;
    private final LocalDate firstVersion;

    /**
     * @param millesimes   the millésimes the data covers
     * @param firstVersion the date of the oldest version of a demande's attributes the warehouse holds
     */
    RapportEngine(ServedVersion version, List<Integer> millesimes, LocalDate firstVersion) {
        this.version = version;
        this.millesimes = List.copyOf(millesimes);
        this.firstVersion = firstVersion;
    }

    /** The engine of the version the connection's views show. */
    public static RapportEngine open(Connection connection, ServedVersion version, List<Integer> millesimes) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(valide_du) FROM demandes_versions")) {
            rs.next();
            java.sql.Date d = rs.getDate(1);
            return new RapportEngine(version, millesimes, d == null ? version.load().dateExtraction() : d.toLocalDate());
        }
    }

    /**
     * Lays out counts and statistics already computed for the territory (by {@link LevelBatch},
     * for every territory of its levels at once).
     *
     * @param counts     categorie → colonne → n (the SQL's count columns)
     * @param statistics line key (or total) → statistic column key → statistic
     */
    ComputedTable assemble(RapportDefinition def, Territoire territoire, int millesime,
                            Map<String, Map<String, Long>> counts,
                            Map<String, Map<String, Statistic>> statistics) {
        List<Line> lines = new ArrayList<>();
        SortedSet<Integer> notCovered = new TreeSet<>();
        for (Category c : def.dimension().categories()) {
            int lineYear = c.millesime(millesime);
            String label = c.label().replace("{annee}", String.valueOf(lineYear));
            if (millesimes.contains(lineYear)) {
                lines.add(new Line(c.key(), label, counts(def, counts.getOrDefault(c.key(), Map.of()))));
            } else {
                notCovered.add(lineYear);
                lines.add(new Line(c.key(), label, notAvailable(def)));
            }
        }
        return layOut(def, territoire, millesime, lines, statistics, notes(def, millesime, notCovered));
    }

    /**
     * The table with some of its count cells replaced (figures already published: {@code
     * FixedFigures}), its total and every figure computed from the counts recomputed, and a note
     * added (none when {@code note} is null).
     *
     * @param counts category cell (line, count column) → the count it holds instead
     */
    public static ComputedTable withCounts(RapportDefinition def, ComputedTable table, Map<Cell, Long> counts,
                                           String note) {
        Map<String, Map<String, Statistic>> statistics = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        List<Line> all = new ArrayList<>(table.lines());
        all.add(table.total());
        for (Line line : all) {
            Map<String, Value> values = new LinkedHashMap<>();
            line.values().forEach((column, value) -> {
                if (value instanceof Statistic st) {
                    statistics.computeIfAbsent(line.key(), k -> new HashMap<>()).put(column, st);
                } else if (value instanceof Count || value instanceof NotAvailable) {
                    Long n = counts.get(new Cell(line.key(), column));
                    values.put(column, n == null ? value : new Count(n));
                }
            });
            if (line != table.total()) {
                lines.add(new Line(line.key(), line.label(), values));
            }
        }
        List<String> notes = new ArrayList<>(table.notes());
        if (note != null) {
            notes.add(note);
        }
        return layOut(def, table.territoire(), table.millesime(), lines, statistics, notes);
    }

    /**
     * The table from its category lines holding counts only: the total line (their sums) and
     * every figure computed from the counts.
     */
    static ComputedTable layOut(RapportDefinition def, Territoire territoire, int millesime, List<Line> lines,
                                Map<String, Map<String, Statistic>> statistics, List<String> notes) {
        Line total = new Line(ComputedTable.TOTAL_KEY, TOTAL, counts(def, sums(def, lines)));
        List<Line> completes = DerivedFigures.complete(def, lines, total, statistics);
        return new ComputedTable(def.rapport(), territoire, millesime, columns(def),
                completes.subList(0, lines.size()), completes.get(lines.size()), def.total(), notes);
    }

    static String checkCategory(RapportDefinition def, String category) {
        if (def.dimension().categories().stream().noneMatch(c -> c.key().equals(category))) {
            throw new IllegalStateException(def.rapport().id() + ".sql returned category " + category
                    + ", not in its dimension");
        }
        return category;
    }

    static String checkColumn(RapportDefinition def, String column) {
        if (def.sqlColumns().stream().noneMatch(c -> c.key().equals(column))) {
            throw new IllegalStateException(def.rapport().id() + ".sql returned column " + column
                    + ", not declared in its yaml");
        }
        return column;
    }

    /** The count columns of one line: those fed by the SQL (0 when absent), then the sums. */
    private static Map<String, Value> counts(RapportDefinition def, Map<String, Long> counts) {
        Map<String, Long> n = new HashMap<>();
        for (DeclaredColumn c : def.sqlColumns()) {
            n.put(c.key(), counts.getOrDefault(c.key(), 0L));
        }
        for (DeclaredColumn c : def.columns()) {
            if (c.isSum()) {
                n.put(c.key(), c.sum().stream().mapToLong(n::get).sum());
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (DeclaredColumn c : def.columns()) {
            if (c.isCount()) {
                values.put(c.key(), new Count(n.get(c.key())));
            }
        }
        return values;
    }

    private static Map<String, Value> notAvailable(RapportDefinition def) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (DeclaredColumn c : def.columns()) {
            if (c.isCount()) {
                values.put(c.key(), new NotAvailable());
            }
        }
        return values;
    }

    private static Map<String, Long> sums(RapportDefinition def, List<Line> lines) {
        Map<String, Long> sums = new HashMap<>();
        for (DeclaredColumn c : def.sqlColumns()) {
            sums.put(c.key(), lines.stream().map(l -> l.values().get(c.key()))
                    .mapToLong(v -> v instanceof Count e ? e.n() : 0L).sum());
        }
        return sums;
    }

    /** n / total in %, one decimal, half up. */
    public static double percentage(long n, long total) {
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Column> columns(RapportDefinition def) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(LABEL_COLUMN, def.dimension().header(), Column.Type.LABEL));
        for (DeclaredColumn c : def.columns()) {
            columns.add(new Column(c.key(), c.label(), c.type()));
        }
        return List.copyOf(columns);
    }

    private List<String> notes(RapportDefinition def, int millesime, SortedSet<Integer> notCovered) {
        List<String> notes = new ArrayList<>();
        notes.add(def.reference().replace("{annee}", String.valueOf(millesime)));
        if (!notCovered.isEmpty()) {
            notes.add((notCovered.size() == 1 ? "L'année " + notCovered.first() + " n'est pas couverte"
                    : "Les années " + notCovered.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " ne sont pas couvertes") + " par les données (historique complet à partir de "
                    + millesimes.get(0) + ") : les cellules correspondantes sont laissées vides.");
        }
        if (firstVersion.isAfter(LocalDate.of(millesime, 12, 31))
                && VERSION_READS.stream().anyMatch(def.sql()::contains)) {
            notes.add("Caractéristiques des demandes : les plus anciennes que conserve l'infocentre sont celles de"
                    + " l'extraction du " + firstVersion.format(DATE) + ", postérieure à l'année " + millesime
                    + " ; elles tiennent lieu de celles de la date de référence.");
        }
        if (def.horsAssociations()) {
            notes.add("Hors associations : les demandes déposées par une personne morale ne sont pas comptées.");
        }
        notes.add("Source : SNE, extraction du " + version.load().dateExtraction().format(DATE) + ".");
        return notes;
    }

    static String withoutSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
