package fr.infocentre.warehouse;

import java.nio.file.Path;

/**
 * The series-04 variant of the mini extract ({@code src/test/resources/extracts/serie04}, see its
 * README.md): the same demandes, events and leases, but the 8 leases of 2024 and their demandes
 * carry varied QPV, typologie, DALO / prioritaire values and some empty fields. Loaded once per JVM
 * through the real ETL and opened as a warehouse.
 */
final class EntrepotSerie04 {

    static final Path EXTRAIT = Path.of("src", "test", "resources", "extracts", "serie04");

    private static final EntrepotCharge CHARGE = new EntrepotCharge(EXTRAIT, "warehouse-serie04-");

    private EntrepotSerie04() {
    }

    static Warehouse warehouse() {
        return CHARGE.warehouse();
    }

    /** The same warehouse before the secret statistique (figures as computed, nothing masked). */
    static Warehouse nonProtege() {
        return CHARGE.nonProtege();
    }
}
