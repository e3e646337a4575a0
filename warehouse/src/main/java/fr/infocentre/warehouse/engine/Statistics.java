package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.storage.Territoires;


import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable.Statistic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The statistics over units that do not add up (a mean, a median): {@code <id>.stats.sql}
 * returns one row per unit (code_commune, [categorie,] valeur); they are aggregated by DuckDB
 * after the join to the territory, per category when the SQL returns one, and over all units
 * for the total line. The session variable {@code millesime} must be set.
 */
public final class Statistics {

    private Statistics() {
    }

    /** line key (or total) → statistic column key → value and number of units. */
    static Map<String, Map<String, Statistic>> compute(Connection connection, RapportDefinition def,
                                                          Territoire territoire) throws SQLException {
        Map<String, Map<String, Statistic>> result = new HashMap<>();
        if (def.statisticsSql() == null) {
            return result;
        }
        String sql = RapportEngine.withoutSemicolon(def.statisticsSql());
        boolean byCategory = hasCategory(connection, sql);
        String aggregates = "count(r.valeur), avg(r.valeur), median(CAST(r.valeur AS DOUBLE))";
        String request = "WITH r AS (\n" + sql + "\n)\nSELECT "
                + (byCategory ? "r.categorie, grouping(r.categorie) <> 0, " : "NULL, true, ") + aggregates
                + " FROM r" + Territoires.filter(territoire.level())
                + (byCategory ? " GROUP BY GROUPING SETS ((r.categorie), ())" : "");
        try (PreparedStatement ps = connection.prepareStatement(request)) {
            if (territoire.level() != Level.NATIONAL) {
                ps.setString(1, territoire.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean total = rs.getBoolean(2);
                    String key = total ? ComputedTable.TOTAL_KEY : rs.getString(1);
                    long units = rs.getLong(3);
                    Map<String, Statistic> line = new HashMap<>();
                    for (DeclaredColumn c : def.columns()) {
                        if (c.isStatistic()) {
                            Object v = rs.getObject(c.statistic().equals("mean") ? 4 : 5);
                            line.put(c.key(), new Statistic(v == null ? null : rounded(((Number) v).doubleValue()),
                                    units));
                        }
                    }
                    result.put(key, line);
                }
            }
        }
        return result;
    }

    static boolean hasCategory(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM (\n" + sql + "\n) LIMIT 0")) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                if (m.getColumnName(i).equalsIgnoreCase("categorie")) {
                    return true;
                }
            }
            return false;
        }
    }

    static double rounded(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
