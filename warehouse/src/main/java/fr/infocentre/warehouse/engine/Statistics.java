package fr.infocentre.warehouse.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statistics over units that do not add up (a mean, a median): {@code <id>.stats.sql}
 * returns one row per unit (code_commune, [categorie,] valeur); {@link LevelBatch} aggregates
 * them by DuckDB after the join to the territory, per category when the SQL returns one, and
 * over all units for the total line. What it needs of them: whether they are by category, and
 * the rounding of a mean or a median.
 */
public final class Statistics {

    private Statistics() {
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
