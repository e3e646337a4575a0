package fr.infocentre.api;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.Warehouses;
import io.javalin.Javalin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the application once per test JVM, on a free port, over a real warehouse: the mini fixture
 * extract (etl test-jar, /extracts/mini/) loaded by the ETL into a temporary folder. Test classes
 * receive a {@link Client} of it; everything is stopped and deleted when the JVM's tests end.
 */
final class InfocentreServeur implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parametre, ExtensionContext contexte) {
        return parametre.getParameter().getType() == Client.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parametre, ExtensionContext contexte) {
        return contexte.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Demarre.class, cle -> Demarre.demarrer(), Demarre.class)
                .client();
    }

    /** The running application and what it holds. */
    private record Demarre(Path dossier, Warehouse warehouse, Javalin app, Client client) implements AutoCloseable {

        static Demarre demarrer() {
            try {
                Path dossier = Files.createTempDirectory("infocentre-api-");
                Path extrait = copierExtrait("/extracts/mini/", dossier.resolve("extrait"));
                Path entrepot = dossier.resolve("warehouse");
                EtlJob.run(SharedSpark.session(), extrait, entrepot);
                Warehouse warehouse = Warehouses.open(entrepot);
                Javalin app = InfocentreApp.create(warehouse).start(0);
                return new Demarre(dossier, warehouse, app, new Client(URI.create("http://localhost:" + app.port())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            app.stop();
            warehouse.close();
            try (Stream<Path> fichiers = Files.walk(dossier)) {
                fichiers.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }

        /** Copies a classpath folder (in a jar or not) to a new folder. */
        private static Path copierExtrait(String ressource, Path cible) throws IOException {
            URI uri;
            try {
                uri = InfocentreServeur.class.getResource(ressource).toURI();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (!"jar".equals(uri.getScheme())) {
                copier(Path.of(uri), cible);
                return cible;
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copier(jar.getPath(ressource), cible);
            }
            return cible;
        }

        private static void copier(Path source, Path cible) throws IOException {
            Files.createDirectories(cible);
            try (Stream<Path> fichiers = Files.list(source)) {
                for (Path f : fichiers.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, cible.resolve(f.getFileName().toString()));
                }
            }
        }
    }
}
