package fr.infocentre.warehouse;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fixture extract loaded once (on first use) through the real ETL into a temporary folder, and
 * opened both as the protected {@link Warehouse} and as {@link NonProtege} (figures as computed).
 */
final class EntrepotCharge {

    private final Path extrait;
    private final String prefixe;
    private Path dossier;
    private Warehouse warehouse;
    private Warehouse nonProtege;

    EntrepotCharge(Path extrait, String prefixe) {
        this.extrait = extrait;
        this.prefixe = prefixe;
    }

    synchronized Warehouse warehouse() {
        if (warehouse == null) {
            warehouse = Warehouses.open(dossier());
        }
        return warehouse;
    }

    /** The same warehouse before the secret statistique (figures as computed, nothing masked). */
    synchronized Warehouse nonProtege() {
        if (nonProtege == null) {
            nonProtege = new NonProtege(dossier());
        }
        return nonProtege;
    }

    private Path dossier() {
        if (dossier == null) {
            try {
                Path d = Files.createTempDirectory(prefixe);
                EtlJob.run(SharedSpark.session(), extrait, d);
                dossier = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dossier;
    }
}
