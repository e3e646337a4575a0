package fr.infocentre.warehouse.restricted;

import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.RestrictedWarehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The restricted space follows the weekly loads: a new CURRENT is served within seconds, the version before stays open until the next switch. */
class CurrentWarehouseTest {

    /** A version as the opener gives it: its name, and whether it was closed. */
    private static final class Version implements RestrictedWarehouse {
        final String name;
        boolean closed;

        Version(String name) {
            this.name = name;
        }

        @Override
        public GuichetActivity activity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public fr.infocentre.warehouse.Requetes requetes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public fr.infocentre.warehouse.DoublonsEtBilans doublonsEtBilans() {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalDate dataDate() {
            return LocalDate.of(2026, 1, 4);
        }

        @Override
        public String version() {
            return name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A clock the test moves. */
    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-01-04T22:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aNewLoadIsServedAfterTheNextCheckAndTheVersionBeforeIsClosedOneSwitchLater(@TempDir Path warehouse)
            throws IOException {
        Path current = warehouse.resolve("CURRENT");
        Files.writeString(current, "v1\n");
        List<Version> opened = new ArrayList<>();
        Ticking clock = new Ticking();
        CurrentWarehouse following = new CurrentWarehouse(warehouse, dir -> {
            try {
                Version v = new Version(Files.readString(dir.resolve("CURRENT")).strip());
                opened.add(v);
                return v;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, clock);
        assertEquals("v1", following.current().version());
        Files.writeString(current, "v2\n");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertEquals("v1", following.current().version(), "CURRENT is read again every 2 s only");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertEquals("v2", following.current().version());
        assertEquals(false, opened.get(0).closed, "a request may still be using v1");
        Files.writeString(current, "v3\n");
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        assertEquals("v3", following.current().version());
        assertEquals(List.of(true, false, false), opened.stream().map(v -> v.closed).toList());
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        assertEquals("v3", following.current().version());
        assertEquals(3, opened.size(), "an unchanged CURRENT opens nothing");
        following.close();
        assertEquals(List.of(true, true, true), opened.stream().map(v -> v.closed).toList());
    }
}
