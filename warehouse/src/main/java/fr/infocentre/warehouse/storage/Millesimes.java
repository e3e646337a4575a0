package fr.infocentre.warehouse.storage;

import fr.infocentre.warehouse.format.ServedVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The millésimes a version covers: the calendar years N such that
 * <ul>
 *   <li>31 December N is strictly before the extraction date (the year is over and its last
 *       day is in the extract), and</li>
 *   <li>N is at or after the year in which the kept history starts. The SNE purges radiated
 *       demandes about a year after their radiation, so the earliest radiation date of a
 *       demande held as radiated marks the start of the history (before it, radiated demandes
 *       may be missing). An older RADIATION event of a demande reactivated since does not
 *       count: such a demande is never purged. With no radiated demande at all, the earliest
 *       period start is used.</li>
 * </ul>
 */
public final class Millesimes {

    private static final String HISTORY_START = """
            SELECT year(coalesce(
                (SELECT min(date_radiation) FROM demandes),
                (SELECT min(debut) FROM periodes)))
            """;

    private Millesimes() {
    }

    /**
     * 1 January of the year the kept history starts (the first millésime's, when the year is
     * over), or null when the data holds no demande: where a period of series 06 may start.
     */
    public static java.time.LocalDate historyStart(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(HISTORY_START)) {
            rs.next();
            int first = rs.getInt(1);
            return rs.wasNull() ? null : java.time.LocalDate.of(first, 1, 1);
        }
    }

    public static List<Integer> compute(Connection connection, ServedVersion version) throws SQLException {
        int last = version.load().dateExtraction().getYear() - 1;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(HISTORY_START)) {
            rs.next();
            int first = rs.getInt(1);
            if (rs.wasNull()) {
                return List.of();
            }
            return IntStream.rangeClosed(first, last).boxed().toList();
        }
    }
}
