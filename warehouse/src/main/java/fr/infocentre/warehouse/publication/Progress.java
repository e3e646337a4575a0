package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Level;


import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Progress of a publication on a stream (stderr for the command): one line per rapport done
 * (its tables per level, time, running totals) and, within a long rapport, a line every few
 * seconds with the territories done.
 */
final class Progress {

    private static final long INTERVAL_NS = 5_000_000_000L;

    private final PrintStream output;
    private final long start = System.nanoTime();
    private long lastDisplay = start;
    private long tables;

    Progress(PrintStream output) {
        this.output = output;
    }

    /** A table written; every few seconds, says where the level stands. */
    void table(int rank, int rapports, String rapport, Level level, int done, int territoires) {
        tables++;
        long now = System.nanoTime();
        if (now - lastDisplay >= INTERVAL_NS) {
            lastDisplay = now;
            output.printf(Locale.ROOT, "[%2d/%d] %s %-11s %,d/%,d territories … %s%n", rank, rapports, rapport,
                    level.key(), done, territoires, elapsed());
        }
    }

    /** A rapport done: its tables per level, the time it took, the running totals. */
    void rapportDone(int rank, int rapports, String rapport, Map<Level, Integer> tables, double seconds) {
        lastDisplay = System.nanoTime();
        long n = tables.values().stream().mapToLong(Integer::longValue).sum();
        output.printf(Locale.ROOT, "[%2d/%d] %s %,8d tables in %6.1f s (%s) | %,d tables, %s%n", rank, rapports,
                rapport, n, seconds, tables.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), this.tables, elapsed());
    }

    long tables() {
        return tables;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1f s elapsed", seconds());
    }
}
