package fr.infocentre.warehouse;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-written extract {@code etl/src/test/resources/extracts/mini} (expected figures in
 * its README.md), loaded once per JVM through the real ETL and opened as a warehouse.
 */
final class EntrepotMini {

    static final Path EXTRAIT = Path.of("..", "etl", "src", "test", "resources", "extracts", "mini");

    static final String NICE = "06088";
    static final String LYON = "69123";
    static final String LYON_1ER = "69381";
    static final String VILLEURBANNE = "69266";
    static final String METROPOLE_NICE = "200030195";
    static final String METROPOLE_LYON = "200046977";

    private static Path dossier;
    private static Warehouse warehouse;
    private static Warehouse nonProtege;

    private EntrepotMini() {
    }

    static synchronized Warehouse warehouse() {
        if (warehouse == null) {
            try {
                dossier = Files.createTempDirectory("warehouse-mini-");
                EtlJob.run(SharedSpark.session(), EXTRAIT, dossier);
                warehouse = Warehouses.open(dossier);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    /** The same warehouse before the secret statistique (figures as computed, nothing masked). */
    static synchronized Warehouse nonProtege() {
        if (nonProtege == null) {
            warehouse();
            nonProtege = new NonProtege(dossier);
        }
        return nonProtege;
    }
}
