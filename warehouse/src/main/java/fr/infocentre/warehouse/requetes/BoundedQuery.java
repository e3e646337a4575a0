package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.RequeteDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one prepared statement under a time limit and a row limit: its values bound (text and integers only, never
 * written into the SQL), cancelled when it runs past its time ({@code Statement.cancel}, which interrupts DuckDB's
 * query), its rows read up to the limit. Timing out or reaching the limit is an {@link InvalidRequest}; the
 * connection stays usable.
 */
final class BoundedQuery {

    /** One daemon thread cancels the statements past their time. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "requetes-timeout");
        t.setDaemon(true);
        return t;
    });

    private BoundedQuery() {
    }

    /**
     * The statement's rows, each an array of its columns' values.
     *
     * @param parameters the values of its {@code ?}, in order: {@link String}, {@link Integer} or {@link Long}
     * @param maxRows    more rows than this is refused ({@link Cause#TOO_MANY_ROWS})
     * @throws InvalidRequest {@link Cause#QUERY_TIMEOUT} when it ran past {@code timeout}
     */
    static List<Object[]> rows(Connection connection, String sql, List<Object> parameters, Duration timeout, int maxRows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String s) {
                    statement.setString(i + 1, s);
                } else if (p instanceof Integer n) {
                    statement.setInt(i + 1, n);
                } else if (p instanceof Long n) {
                    statement.setLong(i + 1, n);
                } else {
                    throw new IllegalArgumentException("a bound value is text or an integer, not " + p);
                }
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> cancel = TIMER.schedule(() -> {
                timedOut.set(true);
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException e) {
                    // already closed: it ended meanwhile
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            long started = System.nanoTime();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    if (rows.size() == maxRows) {
                        throw tooMany(maxRows);
                    }
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                if (timedOut.get() || System.nanoTime() - started > timeout.toNanos()) {
                    throw timeout(timeout); // ended past its time, before or as it was cancelled
                }
                return rows;
            } catch (SQLException e) {
                if (timedOut.get()) {
                    throw timeout(timeout);
                }
                throw e;
            } finally {
                cancel.cancel(false);
            }
        }
    }

    static InvalidRequest tooMany(int maxRows) {
        return new InvalidRequest(Cause.TOO_MANY_ROWS, RequeteDefinition.DIMENSION, "Le résultat dépasserait "
                + String.format(java.util.Locale.FRANCE, "%,d", maxRows) + " lignes, la limite d'une requête :"
                + " choisissez des dimensions qui comptent moins de catégories.");
    }

    private static InvalidRequest timeout(Duration timeout) {
        return new InvalidRequest(Cause.QUERY_TIMEOUT, null, "La requête a été interrompue au bout de "
                + seconds(timeout) + ", la durée maximale d'une requête : restreignez-la (moins de départements,"
                + " une période plus courte) ou réessayez plus tard.");
    }

    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        String n = s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s).replace('.', ',');
        return n + (s >= 2 ? " secondes" : " seconde");
    }
}
