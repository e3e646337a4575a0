package fr.infocentre.warehouse.restricted;

import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.format.WarehouseFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The restricted space over the latest load: {@link #current()} gives the version {@code CURRENT}
 * names, reopening it when a weekly load has switched {@code CURRENT} (looked at most every
 * {@link #CHECK_EVERY}). The version replaced stays open until the next switch, so that a request
 * still using it ends normally; the ETL keeps several versions, so its files are still there.
 */
public final class CurrentWarehouse implements AutoCloseable {

    /** How often {@code CURRENT} is read again. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final Path folder;
    private final Function<Path, RestrictedWarehouse> opener;
    private final Clock clock;
    private RestrictedWarehouse current;
    private RestrictedWarehouse previous;
    private Instant checked;

    CurrentWarehouse(Path folder, Function<Path, RestrictedWarehouse> opener, Clock clock) {
        this.folder = folder;
        this.opener = opener;
        this.clock = clock;
        this.current = opener.apply(folder);
        this.checked = clock.instant();
    }

    /** The version {@code CURRENT} names (opened at most {@link #CHECK_EVERY} ago). */
    public synchronized RestrictedWarehouse current() {
        Instant now = clock.instant();
        if (Duration.between(checked, now).compareTo(CHECK_EVERY) >= 0) {
            checked = now;
            if (!named().equals(current.version())) {
                RestrictedWarehouse next = opener.apply(folder);
                if (previous != null) {
                    previous.close();
                }
                previous = current;
                current = next;
            }
        }
        return current;
    }

    private String named() {
        try {
            return Files.readString(WarehouseFormat.currentFile(folder), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WarehouseFormat.currentFile(folder), e);
        }
    }

    @Override
    public synchronized void close() {
        current.close();
        if (previous != null) {
            previous.close();
        }
    }
}
