package fr.infocentre.api;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;

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
 * The espace gestionnaire's weekly warehouse in the api's tests: the warehouse module's hand-written extract
 * {@code /extracts/serie06/} (its test-jar; expected figures worked out by hand in its
 * {@code attendus-serie-06.md}) loaded once per test JVM through the real ETL into a temporary folder, deleted when
 * the JVM ends. Extraction 2025-04-10; guichets B06001 Azur Habitat and B06002 Antibes Logement (06), G06009 closed
 * (06), G69001 Métropole de Lyon (69); the kept history starts in 2024.
 */
final class Rapport06Warehouse {

    /** Azur Habitat, Nice (06). */
    static final String G1 = "B06001";
    /** Antibes Logement, Antibes (06). */
    static final String G2 = "B06002";
    /** Métropole de Lyon (69). */
    static final String G3 = "G69001";

    private static Path folder;

    private Rapport06Warehouse() {
    }

    /** The warehouse folder (loaded on first use). */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path root = Files.createTempDirectory("infocentre-serie06-");
                Path extract = copy("/extracts/serie06/", root.resolve("extrait"));
                Path warehouse = root.resolve("warehouse");
                EtlJob.run(SharedSpark.session(), extract, warehouse);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                folder = warehouse;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** The restricted space over it, as {@code serve --warehouse} opens it (the caller closes it). */
    static CurrentWarehouse follow() {
        return RestrictedWarehouses.follow(folder());
    }

    /** Copies a classpath folder (in a jar or not) to a new folder. */
    private static Path copy(String resource, Path target) throws IOException {
        URI uri;
        try {
            uri = Rapport06Warehouse.class.getResource(resource).toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(resource + " is not on the test classpath (the warehouse's test-jar)", e);
        }
        if (!"jar".equals(uri.getScheme())) {
            copyFiles(Path.of(uri), target);
            return target;
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            copyFiles(jar.getPath(resource), target);
        }
        return target;
    }

    private static void copyFiles(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort, at exit
        }
    }
}
