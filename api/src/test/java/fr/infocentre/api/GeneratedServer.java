package fr.infocentre.api;

import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.release.ReleaseStore;


import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The application over a small generated millésime — Hautes-Alpes and Lozère, scale 0.05, seed 48,
 * extraction 2025-12-28, loaded by the real ETL — started once per test JVM on a free port, beside
 * {@link InfocentreServer}'s hand-written fixture: its tables hold counts large enough to be shown
 * next to masked ones. Stopped and deleted when the JVM ends.
 */
final class GeneratedServer {

    static final List<String> DEPARTEMENTS = List.of("05", "48");

    private static Started started;

    private GeneratedServer() {
    }

    /** The running application and what it holds. */
    record Started(Path folder, Releases releases, Javalin app, Client client) {
    }

    static synchronized Started started() {
        if (started == null) {
            try {
                long start = System.nanoTime();
                Path folder = Files.createTempDirectory("infocentre-generated-");
                Path extract = folder.resolve("extrait");
                new Generator(new GeneratorOptions(0.05, 48, LocalDate.of(2025, 12, 28), DEPARTEMENTS,
                        GeneratorOptions.DEFAULT_HISTORY_FROM)).writeTo(extract);
                Path warehouseDir = folder.resolve("warehouse");
                EtlJob.run(SharedSpark.session(), extract, warehouseDir);
                Path releasesDir = folder.resolve("releases");
                ReleasedFixture.releaseEveryMillesime(warehouseDir, releasesDir);
                Releases releases = ReleaseStore.open(releasesDir);
                Javalin app = InfocentreApp.create(releases).start(0);
                started = new Started(folder, releases, app, new Client(URI.create("http://localhost:" + app.port())));
                Runtime.getRuntime().addShutdownHook(new Thread(GeneratedServer::stop));
                System.out.printf("GeneratedServer: generated warehouse released and served in %.1f s%n", (System.nanoTime() - start) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return started;
    }

    private static void stop() {
        started.app().stop();
        started.releases().close();
        ReleasedFixture.delete(started.folder());
    }
}
