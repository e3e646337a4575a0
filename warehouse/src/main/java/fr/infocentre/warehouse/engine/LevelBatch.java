package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.secret.SecretStatistique;


import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one route to compute a rapport: for every territory of one or several levels at once,
 * the rapport's SQL (and its statistics SQL) runs once, materialized, and is grouped by
 * territory for each level; each territory's table is laid out by {@link RapportEngine#assemble}
 * from its share of the result. A caller that needs one table filters the result. Tables are
 * not protected here: the caller passes them through {@link SecretStatistique}.
 */
public final class LevelBatch {

    private static final String JOIN = " JOIN communes c ON c.code_commune = r.code_commune";

    private final RapportEngine engine;

    public LevelBatch(RapportEngine engine) {
        this.engine = engine;
    }

    /**
     * The checks of {@link Warehouse#compute} that do not depend on a territory.
     *
     * @throws InvalidRequest for an unknown rapport, a level it is not published at, a year not covered
     */
    public static RapportDefinition check(Catalogue catalogue, List<Integer> millesimes, String rapportId,
                                      List<Level> levels, int millesime) {
        RapportDefinition def = catalogue.definition(rapportId).orElseThrow(() -> new InvalidRequest(
                Cause.UNKNOWN_RAPPORT, "Rapport inconnu : " + rapportId));
        for (Level level : levels) {
            if (level == null) {
                throw new InvalidRequest(Cause.UNKNOWN_LEVEL, "Niveau territorial non précisé");
            }
            if (!def.rapport().levels().contains(level)) {
                throw new InvalidRequest(Cause.LEVEL_NOT_AVAILABLE, "Le rapport " + rapportId
                        + " n'est pas publié au niveau " + level.key() + " (niveaux : "
                        + def.rapport().levels().stream().map(Level::key).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (!millesimes.contains(millesime)) {
            throw new InvalidRequest(Cause.YEAR_NOT_COVERED, "Année " + millesime
                    + " non couverte par les données (années couvertes : "
                    + millesimes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return def;
    }

    /**
     * Computes the rapport for every territory of each level, level after level in the map's
     * order, territories in their list's order.
     *
     * @param territoires level → its territories (all of them, or some)
     * @param connection a connection of its own (the session variable {@code millesime} is set on it)
     */
    public void compute(Connection connection, RapportDefinition def, Map<Level, List<Territoire>> territoires, int millesime,
                  Consumer<ComputedTable> output) throws SQLException {
        List<Level> levels = territoires.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (levels.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET VARIABLE annee = " + millesime);
        }
        Map<Level, Map<String, Map<String, Map<String, Long>>>> counts = count(connection, def, levels);
        Map<Level, Map<String, Map<String, Map<String, Statistic>>>> statistics =
                statistics(connection, def, levels);
        for (Level level : levels) {
            Map<String, Map<String, Map<String, Long>>> c = counts.getOrDefault(level, Map.of());
            Map<String, Map<String, Map<String, Statistic>>> s = statistics.getOrDefault(level, Map.of());
            for (Territoire t : territoires.get(level)) {
                if (t.level() != level) {
                    throw new IllegalArgumentException(t + " given as a territory of level " + level);
                }
                output.accept(engine.assemble(def, t, millesime, c.getOrDefault(t.code(), Map.of()),
                        s.getOrDefault(t.code(), Map.of())));
            }
        }
    }

    /**
     * The territory's code for a row at the commune grain joined to {@code communes c}: an
     * arrondissement rolls up to its commune.
     */
    static String key(Level level) {
        return switch (level) {
            case NATIONAL -> "'" + Territoire.FRANCE.code() + "'";
            case REGION -> "c.code_region";
            case DEPARTEMENT -> "c.code_departement";
            case EPCI -> "c.siren_epci";
            case COMMUNE -> "coalesce(c.commune_parent, c.code_commune)";
        };
    }

    private static String join(Level level) {
        return level == Level.NATIONAL ? "" : JOIN;
    }

    /**
     * {@code WITH r AS MATERIALIZED (sql)} then one SELECT per level, tagged with the level's
     * ordinal, joined by UNION ALL: the rapport's SQL runs once for all the levels.
     */
    private static String byLevel(String sql, List<Level> levels, Function<Level, String> select) {
        return "WITH r AS MATERIALIZED (\n" + RapportEngine.withoutSemicolon(sql) + "\n)\n"
                + levels.stream().map(select).collect(Collectors.joining("\nUNION ALL\n"));
    }

    /** niveau → territoire → categorie → colonne → n. */
    private static Map<Level, Map<String, Map<String, Map<String, Long>>>> count(
            Connection connection, RapportDefinition def, List<Level> levels) throws SQLException {
        String column = def.sqlWithColumn() ? "r.colonne" : "'" + def.sqlColumns().get(0).key() + "'";
        String request = byLevel(def.sql(), levels, level -> "SELECT " + level.ordinal() + " AS niveau, "
                + key(level) + " AS territoire, r.categorie, " + column + " AS colonne, sum(r.n) AS n FROM r"
                + join(level) + " GROUP BY ALL");
        Map<Level, Map<String, Map<String, Map<String, Long>>>> counts = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(request)) {
            while (rs.next()) {
                String territoire = rs.getString(2);
                if (territoire == null) {
                    continue; // a commune outside any EPCI
                }
                counts.computeIfAbsent(Level.values()[rs.getInt(1)], k -> new HashMap<>())
                        .computeIfAbsent(territoire, k -> new HashMap<>())
                        .computeIfAbsent(RapportEngine.checkCategory(def, rs.getString(3)), k -> new HashMap<>())
                        .merge(RapportEngine.checkColumn(def, rs.getString(4)), rs.getLong(5), Long::sum);
            }
        }
        return counts;
    }

    /**
     * niveau → territoire → line key (or total) → statistic column → value and number of units,
     * aggregated per category when the statistics SQL returns one, and over all units for the total.
     */
    private static Map<Level, Map<String, Map<String, Map<String, Statistic>>>> statistics(
            Connection connection, RapportDefinition def, List<Level> levels) throws SQLException {
        Map<Level, Map<String, Map<String, Map<String, Statistic>>>> result = new HashMap<>();
        if (def.statisticsSql() == null) {
            return result;
        }
        boolean byCategory = Statistics.hasCategory(connection, RapportEngine.withoutSemicolon(def.statisticsSql()));
        String request = byLevel(def.statisticsSql(), levels, level -> {
            String key = key(level);
            String groups;
            if (level == Level.NATIONAL) {
                groups = byCategory ? " GROUP BY GROUPING SETS ((r.categorie), ())" : "";
            } else {
                groups = byCategory ? " GROUP BY GROUPING SETS ((" + key + ", r.categorie), (" + key + "))"
                        : " GROUP BY " + key;
            }
            return "SELECT " + level.ordinal() + " AS niveau, " + key + " AS territoire, "
                    + (byCategory ? "r.categorie, grouping(r.categorie) <> 0" : "NULL, true") + " AS total, "
                    + "count(r.valeur), avg(r.valeur), median(CAST(r.valeur AS DOUBLE))"
                    + " FROM r" + join(level) + groups;
        });
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(request)) {
            while (rs.next()) {
                String territoire = rs.getString(2);
                if (territoire == null) {
                    continue;
                }
                String lineKey = rs.getBoolean(4) ? ComputedTable.TOTAL_KEY : rs.getString(3);
                long units = rs.getLong(5);
                Map<String, Statistic> line = new HashMap<>();
                for (DeclaredColumn c : def.columns()) {
                    if (c.isStatistic()) {
                        Object v = rs.getObject(c.statistic().equals("mean") ? 6 : 7);
                        line.put(c.key(), new Statistic(v == null ? null : Statistics.rounded(((Number) v).doubleValue()),
                                units));
                    }
                }
                result.computeIfAbsent(Level.values()[rs.getInt(1)], k -> new HashMap<>())
                        .computeIfAbsent(territoire, k -> new HashMap<>()).put(lineKey, line);
            }
        }
        return result;
    }
}
