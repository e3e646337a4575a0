package fr.infocentre.api.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-side sessions: random ids stored hashed, idle and absolute timeouts on an injected clock, the account checked. */
class AccountSessionsTest {

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();
    private Accounts accounts;

    @BeforeEach
    void open() {
        accounts = AccountFixtures.store(folder, clock);
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
    }

    @Test
    void aSessionIdIsRandomAndStoredOnlyAsItsDigest() throws Exception {
        SessionStore.Opened a = accounts.sessions().open("jdupont", "127.0.0.1");
        SessionStore.Opened b = accounts.sessions().open("jdupont", "127.0.0.1");

        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertTrue(Tokens.wellFormed(a.id()) && a.id().length() == 43);
        try (Connection c = accounts.database().connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id_hash FROM sessions")) {
            while (rows.next()) {
                String stored = rows.getString(1);
                assertFalse(stored.equals(a.id()) || stored.equals(b.id()));
                assertTrue(stored.equals(Tokens.digest(a.id())) || stored.equals(Tokens.digest(b.id())));
            }
        }
        assertEquals("jdupont", accounts.sessions().find(a.id()).orElseThrow().account().login());
        assertTrue(accounts.sessions().find(Tokens.digest(a.id())).isEmpty(), "the stored digest does not open the session");
        assertTrue(accounts.sessions().find("' OR 1=1 --").isEmpty());
        assertTrue(accounts.sessions().find(Tokens.random()).isEmpty());
    }

    @Test
    void anIdleSessionEndsAfter30MinutesWithoutUse() {
        SessionStore.Opened opened = accounts.sessions().open("jdupont", "127.0.0.1");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.sessions().find(opened.id()).isPresent(), "used at 29 min: still valid, and renewed");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.sessions().find(opened.id()).isPresent(), "29 min after its last use");
        clock.advance(Duration.ofMinutes(30));

        assertTrue(accounts.sessions().find(opened.id()).isEmpty(), "30 min without use");
        clock.advance(Duration.ofSeconds(-1));
        assertTrue(accounts.sessions().find(opened.id()).isEmpty(), "deleted when it was found expired");
    }

    @Test
    void aSessionEndsAfter10HoursEvenWhenUsed() {
        SessionStore.Opened opened = accounts.sessions().open("jdupont", "127.0.0.1");
        SessionStore.Session first = accounts.sessions().find(opened.id()).orElseThrow();
        assertEquals(clock.instant().plus(Duration.ofHours(10)), first.ends());
        for (int i = 0; i < 39; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertTrue(accounts.sessions().find(opened.id()).isPresent(), "used every 15 min, at " + (i + 1) * 15 + " min");
        }
        clock.advance(Duration.ofMinutes(15));

        assertTrue(accounts.sessions().find(opened.id()).isEmpty(), "10 h after it was opened");
    }

    @Test
    void aSessionOfADisabledAccountIsRefusedAtItsNextUse() throws Exception {
        SessionStore.Opened opened = accounts.sessions().open("jdupont", "127.0.0.1");
        try (Connection c = accounts.database().connect(); Statement s = c.createStatement()) {
            // as another process would, without going through the store (which also deletes the sessions)
            s.executeUpdate("UPDATE accounts SET enabled = 0 WHERE login = 'jdupont'");
        }
        assertTrue(accounts.sessions().find(opened.id()).isEmpty());
    }

    @Test
    void closingASessionAndSweepingExpiredOnes() {
        SessionStore.Opened a = accounts.sessions().open("jdupont", "127.0.0.1");
        SessionStore.Opened b = accounts.sessions().open("jdupont", "127.0.0.1");
        accounts.sessions().close(a.id());
        assertTrue(accounts.sessions().find(a.id()).isEmpty());
        assertTrue(accounts.sessions().find(b.id()).isPresent());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, accounts.sessions().closeExpired());
        assertEquals(0, accounts.sessions().closeExpired());
    }

    @Test
    void openingASessionSweepsTheExpiredOnes() throws Exception {
        accounts.sessions().open("jdupont", "127.0.0.1");
        accounts.sessions().open("jdupont", "127.0.0.1");
        clock.advance(Duration.ofMinutes(31));
        accounts.sessions().open("jdupont", "127.0.0.1");
        try (Connection c = accounts.database().connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM sessions")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "the two idle sessions were never presented again: swept");
        }
    }
}
