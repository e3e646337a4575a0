package fr.infocentre.api;

import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.release.ReleaseStore;


import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the application once per test JVM, on a free port, over a real warehouse: the mini fixture
 * extract (etl test-jar, /extracts/mini/) loaded by the ETL into a temporary folder. Test classes
 * receive a {@link Client} of it, or its {@link Releases} (to serve them again, with the espace gestionnaire:
 * {@link GestionServer}), or the {@link WeeklyWarehouse} it loaded (the espace's figures); everything is stopped and deleted when the JVM's tests end.
 */
final class InfocentreServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Client.class || parameter.getParameter().getType() == Releases.class
                || parameter.getParameter().getType() == WeeklyWarehouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class);
        if (parameter.getParameter().getType() == WeeklyWarehouse.class) {
            return new WeeklyWarehouse(started.folder().resolve("warehouse"));
        }
        return parameter.getParameter().getType() == Releases.class ? started.releases() : started.client();
    }

    /** The running application and what it holds. */
    private record Started(Path folder, Releases releases, Javalin app, Client client) implements AutoCloseable {

        static Started start() {
            try {
                Path folder = Files.createTempDirectory("infocentre-api-");
                Path extract = copyExtract("/extracts/mini/", folder.resolve("extrait"));
                Path warehouseDir = folder.resolve("warehouse");
                EtlJob.run(SharedSpark.session(), extract, warehouseDir);
                Path releasesDir = folder.resolve("releases");
                ReleasedFixture.releaseEveryMillesime(warehouseDir, releasesDir);
                Releases releases = ReleaseStore.open(releasesDir);
                Javalin app = InfocentreApp.create(releases).start(0);
                return new Started(folder, releases, app, new Client(URI.create("http://localhost:" + app.port())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            app.stop();
            releases.close();
            ReleasedFixture.delete(folder);
        }

        /** Copies a classpath folder (in a jar or not) to a new folder. */
        private static Path copyExtract(String resource, Path target) throws IOException {
            URI uri;
            try {
                uri = InfocentreServer.class.getResource(resource).toURI();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (!"jar".equals(uri.getScheme())) {
                copy(Path.of(uri), target);
                return target;
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copy(jar.getPath(resource), target);
            }
            return target;
        }

        private static void copy(Path source, Path target) throws IOException {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
        }
    }
}
