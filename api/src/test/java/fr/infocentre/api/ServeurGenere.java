package fr.infocentre.api;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.Warehouses;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The application over a small generated millésime — Hautes-Alpes and Lozère, scale 0.05, seed 48,
 * extraction 2025-12-28, loaded by the real ETL — started once per test JVM on a free port, beside
 * {@link InfocentreServeur}'s hand-written fixture: its tables hold counts large enough to be shown
 * next to masked ones. Stopped and deleted when the JVM ends.
 */
final class ServeurGenere {

    static final List<String> DEPARTEMENTS = List.of("05", "48");

    private static Demarre demarre;

    private ServeurGenere() {
    }

    /** The running application and what it holds. */
    record Demarre(Path dossier, Warehouse warehouse, Javalin app, Client client) {
    }

    static synchronized Demarre demarre() {
        if (demarre == null) {
            try {
                long debut = System.nanoTime();
                Path dossier = Files.createTempDirectory("infocentre-genere-");
                Path extrait = dossier.resolve("extrait");
                new Generator(new GeneratorOptions(0.05, 48, LocalDate.of(2025, 12, 28), DEPARTEMENTS,
                        GeneratorOptions.DEFAULT_HISTORY_FROM)).writeTo(extrait);
                Path entrepot = dossier.resolve("warehouse");
                EtlJob.run(SharedSpark.session(), extrait, entrepot);
                Warehouse warehouse = Warehouses.open(entrepot);
                Javalin app = InfocentreApp.create(warehouse).start(0);
                demarre = new Demarre(dossier, warehouse, app, new Client(URI.create("http://localhost:" + app.port())));
                Runtime.getRuntime().addShutdownHook(new Thread(ServeurGenere::arreter));
                System.out.printf("ServeurGenere: generated warehouse served in %.1f s%n", (System.nanoTime() - debut) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demarre;
    }

    private static void arreter() {
        demarre.app().stop();
        demarre.warehouse().close();
        try (Stream<Path> fichiers = Files.walk(demarre.dossier())) {
            fichiers.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
