package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.serving.DuckDbRestrictedWarehouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static fr.infocentre.warehouse.requetes.RequeteFixtures.definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every requête runs under a time limit and a row limit: a statement still running at its time is cancelled (the
 * connection stays usable), one that ended past it is refused too; a requête whose table would exceed the row
 * limit is refused before it runs, and the SQL's LIMIT stops one that would return more rows anyway.
 */
class RequeteLimitsTest {

    @Test
    void aStatementPastItsTimeIsInterruptedAndTheConnectionStaysUsable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> BoundedQuery.rows(c,
                    "SELECT sum(hash(i)) FROM range(?) t(i)", List.of(1_000_000_000_000L), Duration.ofMillis(300), 10));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Cause.QUERY_TIMEOUT, e.motif());
            assertTrue(ms >= 300 && ms < 10_000, "interrupted after " + ms + " ms");
            assertTrue(e.getMessage().startsWith("La requête a été interrompue au bout de 0,3 seconde, la durée maximale"
                    + " d'une requête"), e.getMessage());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
            }
            // within its time, the same kind of statement answers
            assertEquals(1, BoundedQuery.rows(c, "SELECT sum(i) FROM range(?) t(i)", List.of(1000L),
                    Duration.ofSeconds(10), 10).size());
        }
    }

    @Test
    void moreRowsThanTheLimitAreRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertEquals(5, BoundedQuery.rows(c, "SELECT i FROM range(5) t(i)", List.of(), Duration.ofSeconds(10), 5).size());
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> BoundedQuery.rows(c,
                    "SELECT i FROM range(6) t(i)", List.of(), Duration.ofSeconds(10), 5));
            assertEquals(Cause.TOO_MANY_ROWS, e.motif());
            assertEquals("dimension", e.parameter());
            assertTrue(e.getMessage().startsWith("Le résultat dépasserait 5 lignes, la limite d'une requête"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> BoundedQuery.rows(c, "SELECT ?", List.of(1.5),
                    Duration.ofSeconds(1), 1), "text and integers only");
        }
    }

    @Test
    void aRequeteRunsUnderTheLimitsOfItsInstance() {
        try (DuckDbRestrictedWarehouse eight = RequeteFixtures.openWith(MiniWarehouse.folder(),
                new Limits(Duration.ofSeconds(10), 8))) {
            // tranche-age has 8 categories: within the limit alone, not crossed with mutation (16)
            assertEquals(14, eight.requetes().run(definition("population", "en-cours", "date", "2024-12-31",
                    "dimension", "tranche-age", "departement", "06")).total());
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> eight.requetes().run(definition("population",
                    "en-cours", "date", "2024-12-31", "dimension", "tranche-age", "dimension", "mutation",
                    "departement", "06")));
            assertEquals(Cause.TOO_MANY_ROWS, e.motif());
            assertEquals(8, eight.requetes().options().maxRows());
        }
        try (DuckDbRestrictedWarehouse instant = RequeteFixtures.openWith(MiniWarehouse.folder(),
                new Limits(Duration.ofNanos(1), 100))) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> instant.requetes().run(definition("population",
                    "en-cours", "date", "2024-12-31", "dimension", "tranche-age", "departement", "06")));
            assertEquals(Cause.QUERY_TIMEOUT, e.motif(), "cancelled, or ended past its time");
        }
    }

    @Test
    void theLimitsAreReadFromTheSystemProperties() {
        assertEquals(Limits.DEFAULT, Limits.fromSystemProperties());
        try {
            System.setProperty(Limits.TIMEOUT_PROPERTY, "25");
            System.setProperty(Limits.MAX_ROWS_PROPERTY, "500");
            assertEquals(new Limits(Duration.ofSeconds(25), 500), Limits.fromSystemProperties());
            System.setProperty(Limits.TIMEOUT_PROPERTY, "PT2.5S");
            assertEquals(Duration.ofMillis(2500), Limits.fromSystemProperties().timeout());
            System.setProperty(Limits.TIMEOUT_PROPERTY, "dix");
            assertThrows(IllegalArgumentException.class, Limits::fromSystemProperties);
        } finally {
            System.clearProperty(Limits.TIMEOUT_PROPERTY);
            System.clearProperty(Limits.MAX_ROWS_PROPERTY);
        }
        assertThrows(IllegalArgumentException.class, () -> new Limits(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(Duration.ofSeconds(1), 0));
    }
}
