package fr.infocentre.warehouse.storage;

import fr.infocentre.warehouse.format.ServedVersion;

import java.sql.Connection;
import java.time.LocalDate;
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
 *       period start is used. When the operator declared the day from which the history is
 *       complete ({@code historique_complet_depuis} in load.json, {@code etl
 *       --history-complete-from}), that day decides instead: N is covered from the first
 *       1 January on or after it (a weekly extract holds a year of radiations only: the year it
 *       starts in is not whole).</li>
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
     * 1 January of the first millésime (the year the kept history starts, or the first 1 January
     * on or after the day the operator declared it complete from), or null when the data holds no
     * demande: also where a period of series 06 may start.
     */
    public static LocalDate historyStart(Connection connection, ServedVersion version) throws SQLException {
        if (version.load().historyCompleteFrom().isPresent()) {
            LocalDate from = version.load().historyCompleteFrom().get();
            return LocalDate.of(from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1, 1, 1);
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(HISTORY_START)) {
            rs.next();
            int first = rs.getInt(1);
            return rs.wasNull() ? null : LocalDate.of(first, 1, 1);
        }
    }

    public static List<Integer> compute(Connection connection, ServedVersion version) throws SQLException {
        LocalDate start = historyStart(connection, version);
        if (start == null) {
            return List.of();
        }
        return IntStream.rangeClosed(start.getYear(), version.load().dateExtraction().getYear() - 1).boxed().toList();
    }
}
