package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The releases of a folder ({@link ReleaseLayout}), served read-only: each millésime's CURRENT
 * edition, its catalogue read at once, each table read from its level file at the place its
 * offsets file gives (no computation, no warm-up). The folder is looked at again at most once a
 * second: a millésime released or republished meanwhile is served from then on, without restart.
 */
public final class ReleaseStore implements Releases {

    private static final long RESCAN_NANOS = 1_000_000_000L;

    private final Path folder;
    private volatile NavigableMap<Integer, ReleaseEdition> editions;
    private volatile long scannedAt;

    private ReleaseStore(Path folder) {
        this.folder = folder;
        this.editions = scan(folder, Map.of());
        this.scannedAt = System.nanoTime();
    }

    /**
     * @throws IllegalStateException when the folder does not exist (an empty folder is served: no millésime yet)
     */
    public static ReleaseStore open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("No releases folder: " + folder);
        }
        return new ReleaseStore(folder);
    }

    private NavigableMap<Integer, ReleaseEdition> editions() {
        long now = System.nanoTime();
        if (now - scannedAt > RESCAN_NANOS) {
            synchronized (this) {
                if (now - scannedAt > RESCAN_NANOS) {
                    editions = scan(folder, editions);
                    scannedAt = System.nanoTime();
                }
            }
        }
        return editions;
    }

    /** The editions CURRENT names, reusing those already open. */
    private static NavigableMap<Integer, ReleaseEdition> scan(Path folder, Map<Integer, ReleaseEdition> open) {
        NavigableMap<Integer, ReleaseEdition> found = new TreeMap<>();
        try (Stream<Path> years = Files.list(folder)) {
            for (Path year : years.filter(p -> p.getFileName().toString().matches("[0-9]{4}")).toList()) {
                int millesime = Integer.parseInt(year.getFileName().toString());
                OptionalInt edition = ReleaseLayout.current(folder, millesime);
                if (edition.isEmpty()) {
                    continue;
                }
                ReleaseEdition known = open.get(millesime);
                found.put(millesime, known != null && known.edition() == edition.getAsInt() ? known
                        : ReleaseEdition.open(ReleaseLayout.edition(folder, millesime, edition.getAsInt()),
                        millesime, edition.getAsInt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return Collections.unmodifiableNavigableMap(found);
    }

    private Optional<ReleaseEdition> latest() {
        NavigableMap<Integer, ReleaseEdition> e = editions();
        return e.isEmpty() ? Optional.empty() : Optional.of(e.lastEntry().getValue());
    }

    @Override
    public List<Rapport> catalogue() {
        return latest().map(e -> e.catalogue().rapports()).orElse(List.of());
    }

    @Override
    public List<Series> series() {
        return latest().map(e -> e.catalogue().series()).orElse(List.of());
    }

    @Override
    public Optional<Rapport> rapport(String id) {
        return catalogue().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<Integer> millesimes() {
        return List.copyOf(editions().keySet());
    }

    @Override
    public List<Territoire> territoires(Level level) {
        return latest().map(e -> e.catalogue().territoires().getOrDefault(level, List.of())).orElse(List.of());
    }

    @Override
    public OptionalInt edition(int millesime) {
        ReleaseEdition e = editions().get(millesime);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.edition());
    }

    @Override
    public Optional<Path> openData(int millesime) {
        ReleaseEdition e = editions().get(millesime);
        return e == null ? Optional.empty() : Optional.of(e.folder().resolve(ReleasePublisher.OPEN_DATA))
                .filter(Files::isDirectory);
    }

    @Override
    public RapportTable table(String rapportId, Level level, String code, int millesime) {
        Map<Integer, ReleaseEdition> all = editions();
        ReleaseEdition edition = all.get(millesime);
        if (edition == null) {
            throw new InvalidRequest(Cause.YEAR_NOT_COVERED, "Année " + millesime + " non publiée (millésimes publiés : "
                    + all.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        Rapport rapport = edition.rapport(rapportId).orElseThrow(() -> new InvalidRequest(Cause.UNKNOWN_RAPPORT,
                "Rapport inconnu : " + rapportId + (rapport(rapportId).isPresent()
                        ? " (absent du millésime " + millesime + ")" : "")));
        if (level == null) {
            throw new InvalidRequest(Cause.UNKNOWN_LEVEL, "Niveau territorial non précisé");
        }
        if (!rapport.levels().contains(level)) {
            throw new InvalidRequest(Cause.LEVEL_NOT_AVAILABLE, "Le rapport " + rapportId
                    + " n'est pas publié au niveau " + level.key() + " (niveaux : "
                    + rapport.levels().stream().map(Level::key).collect(Collectors.joining(", ")) + ")");
        }
        return edition.table(rapport, level, code).orElseThrow(() -> new InvalidRequest(Cause.UNKNOWN_TERRITOIRE,
                "Territoire inconnu au niveau " + level.key() + " : " + code));
    }

    @Override
    public void close() {
        editions.values().forEach(ReleaseEdition::close);
    }
}
