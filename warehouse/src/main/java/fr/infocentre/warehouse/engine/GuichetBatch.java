package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.Detail;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.IndicatorColumn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the units' SQL of a rapport by guichet (series 06, {@link GuichetRapportDefinition}) for
 * periods and départements given as session variables ({@code periodes_demandees},
 * {@code departements_demandes}: macros.sql, "Series 06"): the counts and sums of every count
 * column per period and guichet in one pass, or the rows of one column for one guichet. The rows
 * counted and the rows listed are the same rows of the same SQL.
 */
public final class GuichetBatch {

    private GuichetBatch() {
    }

    /**
     * A count column's rows for one period and row (a guichet, or a reference line: the sum of its
     * guichets'): how many, and the sum and number of their non-null valeur.
     */
    public record Aggregate(long n, double sum, long values) {

        public static final Aggregate ZERO = new Aggregate(0, 0, 0);

        public Aggregate plus(Aggregate o) {
            return new Aggregate(n + o.n, sum + o.sum, values + o.values);
        }
    }

    /** A period asked: its key (the SQL's periode), its first and last day counted. */
    public record Window(String key, LocalDate start, LocalDate end) {
    }

    /** The rows of one count column for one guichet (at most the limit asked), and how many there are. */
    public record Units(List<Map<String, Object>> rows, long total) {
    }

    /**
     * The aggregates of every count column, per period and guichet: periode → code_guichet →
     * colonne → aggregate (absent: 0).
     *
     * @param connection a connection of its own (session variables are set on it)
     * @throws IllegalStateException naming the SQL file when it returns a colonne the YAML does not
     *                               declare, a guichet or period not asked, or a unit of a subset_of
     *                               column that its superset does not count
     */
    public static Map<String, Map<String, Map<String, Aggregate>>> counts(Connection connection,
            GuichetRapportDefinition def, List<Window> windows, Collection<String> departements) throws SQLException {
        Set<String> guichets = setVariables(connection, windows, departements);
        Set<String> periods = windows.stream().map(Window::key).collect(Collectors.toSet());
        List<IndicatorColumn> subsets = def.counts().stream().filter(c -> c.subsetOf() != null).toList();
        StringBuilder sql = new StringBuilder("WITH u AS MATERIALIZED (\n").append(RapportEngine.withoutSemicolon(def.sql()))
                .append("\n)\nSELECT false AS hors, periode, code_guichet, colonne, count(*) AS n,"
                        + " CAST(sum(valeur) AS DOUBLE) AS somme, count(valeur) AS valeurs FROM u GROUP BY ALL");
        if (!subsets.isEmpty()) {
            sql.append("\nUNION ALL\nSELECT true, NULL, NULL, s.colonne, count(*), NULL, NULL FROM u s JOIN (VALUES ")
                    .append(subsets.stream().map(c -> "(" + literal(c.key()) + ", " + literal(c.subsetOf()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append(") AS sous(colonne, sur) ON sous.colonne = s.colonne WHERE NOT EXISTS (SELECT 1 FROM u t"
                            + " WHERE t.colonne = sous.sur AND t.periode = s.periode AND t.code_guichet = s.code_guichet"
                            + " AND t.numero_unique = s.numero_unique) GROUP BY ALL");
        }
        Map<String, Map<String, Map<String, Aggregate>>> counts = new HashMap<>();
        Set<String> declared = def.counts().stream().map(IndicatorColumn::key).collect(Collectors.toSet());
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                String colonne = rs.getString(4);
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException(def.sqlFile() + ": " + rs.getLong(5) + " rows of " + colonne
                            + " are not rows of " + def.column(colonne).orElseThrow().subsetOf() + " (same periode,"
                            + " code_guichet and numero_unique), of which it is declared subset_of");
                }
                String periode = rs.getString(2), guichet = rs.getString(3);
                if (!declared.contains(colonne)) {
                    throw new IllegalStateException(def.sqlFile() + " returned colonne " + colonne
                            + ", not a count column of its yaml");
                }
                if (!periods.contains(periode) || !guichets.contains(guichet)) {
                    throw new IllegalStateException(def.sqlFile() + " returned " + (periods.contains(periode)
                            ? "guichet " + guichet + ", not among the guichets asked (guichets_demandes())"
                            : "periode " + periode + ", not among the periods asked (periodes_demandees())"));
                }
                Aggregate a = new Aggregate(rs.getLong(5), rs.getDouble(6), rs.getLong(7));
                counts.computeIfAbsent(periode, k -> new HashMap<>()).computeIfAbsent(guichet, k -> new HashMap<>())
                        .merge(colonne, a, Aggregate::plus);
            }
        }
        return counts;
    }

    /**
     * The rows of one count column for one guichet and period: numero_unique and the column's
     * details, sorted, at most {@code limit}; and how many there are.
     */
    public static Units units(Connection connection, GuichetRapportDefinition def, Window window, String departement,
                              String guichet, IndicatorColumn column, int limit) throws SQLException {
        setVariables(connection, List.of(window), List.of(departement));
        List<String> fields = new ArrayList<>();
        fields.add("numero_unique");
        fields.addAll(column.details());
        String select = fields.stream().map(f -> "u." + f).collect(Collectors.joining(", "));
        String sql = "WITH u AS (\n" + RapportEngine.withoutSemicolon(def.sql()) + "\n)\nSELECT " + select
                + ", count(*) OVER () AS total FROM u WHERE u.colonne = ? AND u.code_guichet = ? AND u.periode = ?"
                + " ORDER BY " + select + " LIMIT ?";
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, column.key());
            st.setString(2, guichet);
            st.setString(3, window.key());
            st.setInt(4, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        row.put(fields.get(i), value(rs.getObject(i + 1)));
                    }
                    rows.add(row);
                    total = rs.getLong(fields.size() + 1);
                }
            }
        }
        return new Units(rows, total);
    }

    /**
     * Checks, when the warehouse opens, that DuckDB binds the units' SQL and that it returns the
     * columns every unit holds and every detail declared.
     *
     * @throws fr.infocentre.warehouse.catalogue.InvalidCatalogue naming the SQL file
     */
    public static void check(Connection connection, GuichetRapportDefinition def) throws SQLException {
        setVariables(connection, List.of(), List.of());
        Set<String> returned = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM (\n" + RapportEngine.withoutSemicolon(def.sql()) + "\n) LIMIT 0")) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                returned.add(m.getColumnName(i));
            }
        } catch (SQLException e) {
            throw def.sqlError("refused by DuckDB: " + e.getMessage());
        }
        List<String> needed = new ArrayList<>(GuichetRapportDefinition.UNIT_COLUMNS);
        def.details().stream().map(Detail::key).forEach(needed::add);
        List<String> missing = needed.stream().filter(c -> !returned.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw def.sqlError("returns no column " + String.join(", ", missing) + " (every unit holds "
                    + String.join(", ", GuichetRapportDefinition.UNIT_COLUMNS) + " and the details its yaml declares)");
        }
    }

    /** Sets the periods and départements asked; returns the guichets of those départements. */
    private static Set<String> setVariables(Connection connection, List<Window> windows, Collection<String> departements)
            throws SQLException {
        String periods = windows.stream().map(w -> "{'cle': " + literal(w.key()) + ", 'debut': DATE '" + w.start()
                + "', 'fin': DATE '" + w.end() + "'}").collect(Collectors.joining(", "));
        String codes = departements.stream().map(GuichetBatch::literal).collect(Collectors.joining(", "));
        Set<String> guichets = new HashSet<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SET VARIABLE periodes_demandees = CAST([" + periods
                    + "] AS STRUCT(cle VARCHAR, debut DATE, fin DATE)[])");
            st.execute("SET VARIABLE departements_demandes = CAST([" + codes + "] AS VARCHAR[])");
            try (ResultSet rs = st.executeQuery("SELECT code_guichet FROM guichets_demandes()")) {
                while (rs.next()) {
                    guichets.add(rs.getString(1));
                }
            }
        }
        return guichets;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A value as the public interface hands it: text, whole numbers as Long, dates as LocalDate, booleans. */
    private static Object value(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }
}
