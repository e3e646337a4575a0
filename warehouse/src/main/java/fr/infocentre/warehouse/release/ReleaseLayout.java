package fr.infocentre.warehouse.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;

/**
 * Where releases live (docs/releases.md): {@code <releases>/<N>/<k>/} is edition k of millésime
 * N, complete and read-only; {@code <releases>/<N>/CURRENT} names the edition served. Editions are
 * never changed nor deleted: a republication adds edition k+1 and moves CURRENT, in one atomic
 * rename.
 */
public final class ReleaseLayout {

    static final String CURRENT = "CURRENT";
    static final String MANIFEST = "release.json";

    private ReleaseLayout() {
    }

    static Path year(Path releases, int millesime) {
        return releases.resolve(String.valueOf(millesime));
    }

    static Path edition(Path releases, int millesime, int edition) {
        return year(releases, millesime).resolve(String.valueOf(edition));
    }

    /** The edition CURRENT names, empty when the millésime is not published. */
    public static OptionalInt current(Path releases, int millesime) {
        Path file = year(releases, millesime).resolve(CURRENT);
        if (!Files.exists(file)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " does not name an edition: " + e.getMessage(), e);
        }
    }

    /** The folder of the edition served of that millésime, empty when it is not published. */
    public static java.util.Optional<Path> served(Path releases, int millesime) {
        OptionalInt k = current(releases, millesime);
        return k.isPresent() ? java.util.Optional.of(edition(releases, millesime, k.getAsInt()))
                : java.util.Optional.empty();
    }

    /** Points CURRENT at that edition: written aside, then renamed over the old one (atomic). */
    static void switchTo(Path releases, int millesime, int edition) throws IOException {
        Path year = year(releases, millesime);
        Path next = year.resolve("." + CURRENT + ".next");
        Files.writeString(next, edition + "\n", StandardCharsets.UTF_8);
        Files.move(next, year.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
