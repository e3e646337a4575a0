package fr.infocentre.etl.warehouse;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A warehouse version being written: tables go to {@code versions/.staging-<name>/};
 * {@link #publish()} renames it to {@code versions/<name>/} and then replaces {@code CURRENT}
 * atomically ({@code CURRENT.tmp} + atomic rename). Closing an unpublished version deletes what
 * it wrote, so a failed load never touches {@code CURRENT} nor leaves a half version behind.
 *
 * <p>The name is {@code v<date_extraction yyyyMMdd>T<load time UTC HHmmss>Z}. The staging folder
 * is created with an exclusive create, so a second load in the same second (in this process or
 * another) takes the next free second instead of colliding. The names of the layout are those of
 * {@link WarehouseFormat}.
 */
public final class StagedVersion implements AutoCloseable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private final Path warehouse;
    private final String name;
    private final Path staging;
    private final Instant loadedAt;
    private boolean renamed;
    private boolean published;

    private StagedVersion(Path warehouse, String name, Path staging, Instant loadedAt) {
        this.warehouse = warehouse;
        this.name = name;
        this.staging = staging;
        this.loadedAt = loadedAt;
    }

    /** Reserves a new version name and creates its staging folder. */
    public static StagedVersion create(Path warehouse, LocalDate dateExtraction, Instant now) throws IOException {
        Files.createDirectories(WarehouseFormat.versionsDir(warehouse));
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            String name = "v" + DAY.format(dateExtraction) + "T" + TIME.format(at) + "Z";
            Path staging = WarehouseFormat.stagingDir(warehouse, name);
            if (!Files.exists(WarehouseFormat.versionDir(warehouse, name))) {
                try {
                    Files.createDirectory(staging);
                    return new StagedVersion(warehouse, name, staging, at);
                } catch (FileAlreadyExistsException taken) {
                    // another load holds this second: try the next one
                }
            }
            at = at.plusSeconds(1);
        }
    }

    public String name() {
        return name;
    }

    /** The load time the name carries (UTC, whole seconds). */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** Where a table of this version is staged. */
    public Path table(Table table) {
        return table.in(staging);
    }

    /** Where this version's load.json is staged. */
    public Path loadJsonFile() {
        return WarehouseFormat.loadJsonFile(staging);
    }

    /** Renames the staging folder to its final name, then switches CURRENT to it. */
    public void publish() throws IOException {
        Files.move(staging, WarehouseFormat.versionDir(warehouse, name), StandardCopyOption.ATOMIC_MOVE);
        renamed = true;
        Path tmp = currentTmp();
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, WarehouseFormat.currentFile(warehouse), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        published = true;
    }

    /** Deletes the version's files unless it was published. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            deleteTree(renamed ? WarehouseFormat.versionDir(warehouse, name) : staging);
            Files.deleteIfExists(currentTmp());
        } catch (IOException e) {
            throw new UncheckedIOException("cleaning up the failed version " + name, e);
        }
    }

    /** The new CURRENT being written, before its atomic rename: {@code CURRENT.tmp.<name>}. */
    private Path currentTmp() {
        return warehouse.resolve(WarehouseFormat.CURRENT + ".tmp." + name);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
