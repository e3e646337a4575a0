package fr.infocentre.etl;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named points of a load where it can be made to stop and wait until it is killed: the check of
 * interrupted loads ({@code InterruptedLoadTest}) kills the ETL there with {@code kill -9} and
 * checks that the version served is untouched and that the next load succeeds. The points:
 * {@code validate:<file>} (before a file's validation), {@code write:<table>} (before a table is
 * written) and {@code switch} (every table written and forced to disk, before {@code CURRENT}
 * switches). Off unless the system property {@value #PROPERTY} lists some, comma-separated.
 */
public final class LoadPauses {

    /** The system property naming the points to stop at. */
    public static final String PROPERTY = "infocentre.etl.pauseAt";

    private final Set<String> points;

    private LoadPauses(Set<String> points) {
        this.points = points;
    }

    /** No pause: the usual load. */
    public static LoadPauses none() {
        return new LoadPauses(Set.of());
    }

    /** The points the system property {@value #PROPERTY} lists. */
    public static LoadPauses fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "");
        return new LoadPauses(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Stops here, for good, when this point is listed: says so on stderr, then waits to be killed. */
    void at(String point) {
        if (!points.contains(point)) {
            return;
        }
        System.err.println("PAUSED at " + point);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("load interrupted while paused at " + point, e);
            }
        }
    }
}
