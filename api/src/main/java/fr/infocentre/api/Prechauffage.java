package fr.infocentre.api;

import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Warehouse;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prepares, in the background once the server listens, every rapport of the last millésime (its
 * linked tables and masking pattern: seconds per rapport at national scale), so that their
 * first visitors do not wait for it. A visitor asking for a rapport being prepared waits for that
 * computation rather than starting another; older millésimes are prepared on their first request.
 */
final class Prechauffage implements Runnable {

    private final Warehouse warehouse;
    private final Consumer<String> journal;

    Prechauffage(Warehouse warehouse, Consumer<String> journal) {
        this.warehouse = warehouse;
        this.journal = journal;
    }

    /** Starts the preparation on a daemon thread (it does not keep the JVM alive). */
    static void demarrer(Warehouse warehouse, Consumer<String> journal) {
        Thread thread = new Thread(new Prechauffage(warehouse, journal), "prechauffage");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        List<Integer> annees = warehouse.annees();
        if (annees.isEmpty()) {
            return;
        }
        int annee = annees.get(annees.size() - 1);
        List<Rapport> rapports = warehouse.catalogue();
        long debut = System.nanoTime();
        int prets = 0;
        for (Rapport r : rapports) {
            long t = System.nanoTime();
            try {
                warehouse.preparer(r.id(), annee);
                prets++;
                journal.accept(String.format("préparé %s %d (%.1f s)", r.id(), annee, (System.nanoTime() - t) / 1e9));
            } catch (RuntimeException e) {
                journal.accept("préparation de " + r.id() + " " + annee + " en échec : " + e
                        + " (il sera calculé à sa première demande)");
            }
        }
        journal.accept(String.format("%d/%d rapports de %d préparés en %.1f s", prets, rapports.size(), annee,
                (System.nanoTime() - debut) / 1e9));
    }
}
