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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * {@link WarehouseFormat}. Every file and folder is forced to disk before the rename and the
 * switch ({@link Durability}). A load killed on the way leaves its staging folder, or a version
 * never switched in: the next load, holding the lock, sweeps them ({@link #sweep}); {@link #prune}
 * keeps the last versions served.
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

    /**
     * Stages a table as hard links to the files of the same table in another version (the
     * previous one), which must hold the same rows: nothing is copied or written again.
     */
    public void link(Table table, Path fromVersion) throws IOException {
        Path source = table.in(fromVersion);
        Path target = table(table);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createLink(t, p);
                }
            }
        }
    }

    /** Where this version's load.json is staged. */
    public Path loadJsonFile() {
        return WarehouseFormat.loadJsonFile(staging);
    }

    /**
     * Forces the staged files to disk, renames the staging folder to its final name, then switches
     * CURRENT to it.
     */
    public void publish() throws IOException {
        Durability.forceTree(staging);
        Files.move(staging, WarehouseFormat.versionDir(warehouse, name), StandardCopyOption.ATOMIC_MOVE);
        renamed = true;
        Durability.force(WarehouseFormat.versionsDir(warehouse));
        Path tmp = currentTmp();
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Durability.force(tmp);
        Files.move(tmp, WarehouseFormat.currentFile(warehouse), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Durability.force(warehouse);
        published = true;
    }

    /**
     * Deletes what interrupted loads left: staging folders, {@code CURRENT.tmp.*} files, and versions
     * renamed but never switched in (later than the one CURRENT names, or every version when there
     * is no CURRENT: none was ever served). Call it holding the warehouse's lock.
     *
     * @return the names of what was deleted
     */
    public static List<String> sweep(Path warehouse) throws IOException {
        List<String> swept = new ArrayList<>();
        Optional<String> current = current(warehouse);
        for (Path p : children(WarehouseFormat.versionsDir(warehouse))) {
            String n = p.getFileName().toString();
            if (WarehouseFormat.isStaging(n) || current.isEmpty() || n.compareTo(current.get()) > 0) {
                deleteTree(p);
                swept.add(n);
            }
        }
        for (Path p : children(warehouse)) {
            if (p.getFileName().toString().startsWith(WarehouseFormat.CURRENT + ".tmp.")) {
                Files.delete(p);
                swept.add(p.getFileName().toString());
            }
        }
        return swept;
    }

    /**
     * Deletes the versions older than the last {@code kept} (CURRENT's and the ones before it); a
     * version later than CURRENT's is left to {@link #sweep}. Call it holding the warehouse's lock.
     *
     * @return the names of the versions deleted
     */
    public static List<String> prune(Path warehouse, int kept) throws IOException {
        if (kept < 1) {
            throw new IllegalArgumentException("at least the version served is kept, not " + kept);
        }
        Optional<String> current = current(warehouse);
        if (current.isEmpty()) {
            return List.of();
        }
        List<String> served = children(WarehouseFormat.versionsDir(warehouse)).stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> !WarehouseFormat.isStaging(n) && n.compareTo(current.get()) <= 0)
                .sorted(Comparator.reverseOrder()).toList();
        List<String> pruned = served.subList(Math.min(kept, served.size()), served.size());
        for (String n : pruned) {
            deleteTree(WarehouseFormat.versionDir(warehouse, n));
        }
        return List.copyOf(pruned);
    }

    private static Optional<String> current(Path warehouse) throws IOException {
        Path file = WarehouseFormat.currentFile(warehouse);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
    }

    private static List<Path> children(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
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
