package fr.infocentre.warehouse;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The series-04 variant of the mini extract ({@code src/test/resources/extracts/serie04}, see its
 * README.md): the same demandes, events and leases, but the 8 leases of 2024 and their demandes
 * carry varied QPV, typologie, DALO / prioritaire values and some empty fields. Loaded once per JVM
 * through the real ETL and opened as a warehouse.
 */
final class EntrepotSerie04 {

    static final Path EXTRAIT = Path.of("src", "test", "resources", "extracts", "serie04");

    private static Path dossier;
    private static Warehouse warehouse;
    private static Warehouse nonProtege;

    private EntrepotSerie04() {
    }

    static synchronized Warehouse warehouse() {
        if (warehouse == null) {
            try {
                dossier = Files.createTempDirectory("warehouse-serie04-");
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
