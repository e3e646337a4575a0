package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Niveau;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Progress of a publication on a stream (stderr for the command): one line per rapport done
 * (its tables per level, time, running totals) and, within a long rapport, a line every few
 * seconds with the territories done.
 */
final class Progression {

    private static final long INTERVALLE_NS = 5_000_000_000L;

    private final PrintStream sortie;
    private final long debut = System.nanoTime();
    private long dernierAffichage = debut;
    private long tables;

    Progression(PrintStream sortie) {
        this.sortie = sortie;
    }

    /** A table written; every few seconds, says where the level stands. */
    void table(int rang, int rapports, String rapport, Niveau niveau, int faites, int territoires) {
        tables++;
        long maintenant = System.nanoTime();
        if (maintenant - dernierAffichage >= INTERVALLE_NS) {
            dernierAffichage = maintenant;
            sortie.printf(Locale.ROOT, "[%2d/%d] %s %-11s %,d/%,d territories … %s%n", rang, rapports, rapport,
                    niveau.cle(), faites, territoires, ecoule());
        }
    }

    /** A rapport done: its tables per level, the time it took, the running totals. */
    void rapportFait(int rang, int rapports, String rapport, Map<Niveau, Integer> tables, double secondes) {
        dernierAffichage = System.nanoTime();
        long n = tables.values().stream().mapToLong(Integer::longValue).sum();
        sortie.printf(Locale.ROOT, "[%2d/%d] %s %,8d tables in %6.1f s (%s) | %,d tables, %s%n", rang, rapports,
                rapport, n, secondes, tables.entrySet().stream().map(e -> e.getKey().cle() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), this.tables, ecoule());
    }

    long tables() {
        return tables;
    }

    double secondes() {
        return (System.nanoTime() - debut) / 1e9;
    }

    private String ecoule() {
        return String.format(Locale.ROOT, "%.1f s elapsed", secondes());
    }
}
