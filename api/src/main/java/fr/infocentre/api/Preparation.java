package fr.infocentre.api;

import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Warehouse;


import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prepares, in the background once the server listens, every rapport of the last millésime that
 * the warehouse serves (its public catalogue: a restricted rapport is never prepared; its linked
 * tables and masking pattern: seconds per rapport at national scale), so that their first
 * visitors do not wait for it. A visitor asking for a rapport being prepared waits for that
 * computation rather than starting another; older millésimes are prepared on their first request.
 */
final class Preparation implements Runnable {

    private final Warehouse warehouse;
    private final Consumer<String> log;

    Preparation(Warehouse warehouse, Consumer<String> log) {
        this.warehouse = warehouse;
        this.log = log;
    }

    /** Starts the preparation on a daemon thread (it does not keep the JVM alive). */
    static void start(Warehouse warehouse, Consumer<String> log) {
        Thread thread = new Thread(new Preparation(warehouse, log), "preparation");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        List<Integer> millesimes = warehouse.millesimes();
        if (millesimes.isEmpty()) {
            return;
        }
        int millesime = millesimes.get(millesimes.size() - 1);
        List<Rapport> rapports = warehouse.catalogue();
        long start = System.nanoTime();
        int ready = 0;
        for (Rapport r : rapports) {
            long t = System.nanoTime();
            try {
                warehouse.prepare(r.id(), millesime);
                ready++;
                log.accept(String.format(Locale.ROOT, "prepared %s %d (%.1f s)", r.id(), millesime, (System.nanoTime() - t) / 1e9));
            } catch (RuntimeException e) {
                log.accept("preparing " + r.id() + " " + millesime + " failed: " + e
                        + " (il sera calculé à sa première demande)");
            }
        }
        log.accept(String.format(Locale.ROOT, "%d/%d rapports of %d prepared in %.1f s", ready, rapports.size(), millesime,
                (System.nanoTime() - start) / 1e9));
    }
}
