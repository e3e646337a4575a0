package fr.infocentre.warehouse;

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

    private static final EntrepotCharge CHARGE = new EntrepotCharge(EXTRAIT, "warehouse-mini-");

    private EntrepotMini() {
    }

    static Warehouse warehouse() {
        return CHARGE.warehouse();
    }

    /** The same warehouse before the secret statistique (figures as computed, nothing masked). */
    static Warehouse nonProtege() {
        return CHARGE.nonProtege();
    }
}
