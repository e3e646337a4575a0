package fr.infocentre.api.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saved requêtes in the account store: each account reaches its own only, names unique per account, bounded;
 * a store of version 1 (before the requêtes) is brought to version 2 when opened, its accounts kept.
 */
class RequeteStoreTest {

    private static final String DEFINITION = "{\"population\":[\"en-cours\"],\"dimension\":[\"canal\"],\"departement\":[\"06\"]}";

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();
    private Accounts accounts;
    private SavedQueries saved;

    @BeforeEach
    void open() {
        accounts = AccountFixtures.store(folder, clock);
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        AccountFixtures.gestionnaire(accounts, "autre", "13");
        saved = accounts.savedQueries();
    }

    @Test
    void eachAccountReachesItsOwnRequetesOnly() {
        long first = saved.save("jdupont", "Canal", DEFINITION);
        clock.advance(Duration.ofMinutes(1));
        long second = saved.save("jdupont", "Canal bis", DEFINITION);
        long theirs = saved.save("autre", "Canal", DEFINITION);
        assertEquals(List.of("Canal bis", "Canal"), saved.list("jdupont").stream().map(SavedQueries.Saved::name).toList(),
                "newest first");
        SavedQueries.Saved s = saved.find("jdupont", first).orElseThrow();
        assertEquals(DEFINITION, s.definition());
        assertEquals("jdupont", s.owner());
        assertTrue(saved.find("autre", first).isEmpty(), "another account's is not found");
        assertFalse(saved.delete("autre", first), "nor deleted");
        assertTrue(saved.find("jdupont", first).isPresent());
        assertTrue(saved.delete("jdupont", first));
        assertFalse(saved.delete("jdupont", first));
        assertEquals(List.of(second), saved.list("jdupont").stream().map(SavedQueries.Saved::id).toList());
        assertEquals(List.of(theirs), saved.list("autre").stream().map(SavedQueries.Saved::id).toList());
        // read back from another opening of the file
        Accounts again = Accounts.open(AccountsDatabase.open(folder.resolve("accounts.db")), clock,
                SessionStore.Policy.DEFAULT, LoginThrottle.Policy.DEFAULT);
        assertEquals("Canal bis", again.savedQueries().find("jdupont", second).orElseThrow().name());
    }

    @Test
    void namesAreUniquePerAccountAndBounded() {
        saved.save("jdupont", "Canal", DEFINITION);
        SavedQueries.Refused twice = assertThrows(SavedQueries.Refused.class, () -> saved.save("jdupont", "Canal", DEFINITION));
        assertEquals("Vous avez déjà une requête nommée « Canal » : choisissez un autre nom.", twice.getMessage());
        for (String name : List.of("", " ", "x".repeat(101), "a\u0000b", "a\nb")) {
            assertThrows(SavedQueries.Refused.class, () -> saved.save("jdupont", name, DEFINITION), name);
        }
        assertThrows(SavedQueries.Refused.class, () -> saved.save("jdupont", "Long", "[" + "1,".repeat(5000) + "1]"));
        for (int i = 1; i < SavedQueries.PER_ACCOUNT_MAX; i++) {
            saved.save("jdupont", "Requête " + i, DEFINITION);
        }
        SavedQueries.Refused full = assertThrows(SavedQueries.Refused.class, () -> saved.save("jdupont", "Une de trop", DEFINITION));
        assertTrue(full.getMessage().startsWith("Vous avez déjà 100 requêtes enregistrées"), full.getMessage());
        saved.save("autre", "Une de trop", DEFINITION);
        // the database refuses what is not JSON, whatever program writes
        assertThrows(IllegalStateException.class, () -> saved.save("autre", "Pas du JSON", "{population: en-cours"));
    }

    @Test
    void aStoreOfVersion1IsBroughtToVersion2WhenOpened() throws SQLException {
        saved.save("jdupont", "Canal", DEFINITION);
        try (Connection c = accounts.database().connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE saved_queries");
            s.execute("PRAGMA user_version = 1");
        }
        Accounts opened = Accounts.open(AccountsDatabase.open(folder.resolve("accounts.db")), clock,
                SessionStore.Policy.DEFAULT, LoginThrottle.Policy.DEFAULT);
        try (Connection c = opened.database().connect(); Statement s = c.createStatement();
             ResultSet version = s.executeQuery("PRAGMA user_version")) {
            version.next();
            assertEquals(2, version.getInt(1));
        }
        assertTrue(opened.store().find("jdupont").isPresent(), "its accounts kept");
        assertEquals(List.of(), opened.savedQueries().list("jdupont"));
        opened.savedQueries().save("jdupont", "Canal", DEFINITION);
        assertEquals(1, opened.savedQueries().list("jdupont").size());
        try (Connection c = opened.database().connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 3");
        }
        assertThrows(AccountException.class, () -> AccountsDatabase.open(folder.resolve("accounts.db")),
                "a later version is not read");
    }
}
