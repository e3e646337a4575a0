package fr.infocentre.api.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/** The account store in its SQLite file: accounts, their territories, password hashes, enabling. */
class AccountStoreTest {

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();
    private Accounts accounts;

    @BeforeEach
    void open() {
        accounts = AccountFixtures.store(folder, clock);
    }

    @Test
    void anAccountIsStoredWithItsTerritoriesAndReadBackFromAnotherOpening() {
        AccountFixtures.gestionnaire(accounts, "jdupont", "83", "06");
        AccountFixtures.etatRegion(accounts, "prefecture-paca", "93");
        AccountFixtures.administrateur(accounts, "admin");

        Accounts reopened = Accounts.open(folder.resolve("accounts.db"));
        Account jdupont = reopened.store().find("jdupont").orElseThrow();
        assertEquals(Role.GESTIONNAIRE, jdupont.role());
        assertEquals(List.of("06", "83"), jdupont.scope().codes());
        assertTrue(jdupont.scope().coversDepartement("06") && !jdupont.scope().coversDepartement("13"));
        assertFalse(jdupont.scope().coversRegion("93"), "a gestionnaire's départements do not make a région");
        Account paca = reopened.store().find("prefecture-paca").orElseThrow();
        assertTrue(paca.scope().coversDepartement("13") && paca.scope().coversDepartement("06")
                && !paca.scope().coversDepartement("75") && paca.scope().coversRegion("93") && !paca.scope().coversFrance());
        assertTrue(reopened.store().find("admin").orElseThrow().scope().coversFrance());
        assertEquals(List.of("admin", "jdupont", "prefecture-paca"),
                reopened.store().list().stream().map(Account::login).toList());
    }

    @Test
    void thePasswordIsKeptOnlyAsAnArgon2idHashWithItsOwnSalt() throws Exception {
        AccountFixtures.gestionnaire(accounts, "alice", "06");
        AccountFixtures.gestionnaire(accounts, "bruno", "06");

        List<String> hashes = column("SELECT password_hash FROM accounts ORDER BY login");
        assertEquals(2, hashes.size());
        for (String hash : hashes) {
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertFalse(hash.contains(AccountFixtures.PASSWORD));
        }
        assertFalse(hashes.get(0).equals(hashes.get(1)), "same password, different salts, different hashes");
        assertTrue(accounts.store().check("alice", AccountFixtures.PASSWORD.toCharArray()).isPresent());
        assertTrue(accounts.store().check("alice", "wrong horse battery staple".toCharArray()).isEmpty());
        byte[] file = Files.readAllBytes(folder.resolve("accounts.db"));
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(AccountFixtures.PASSWORD));
    }

    @Test
    void theStoreFileIsReadableByItsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("accounts.db"))));
    }

    @Test
    void aSecondAccountOfTheSameLoginIsRefusedAndTheFirstKept() {
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");

        AccountException e = assertThrows(AccountException.class,
                () -> AccountFixtures.gestionnaire(accounts, "jdupont", "13"));

        assertEquals("an account named 'jdupont' already exists", e.getMessage());
        assertEquals(List.of("06"), accounts.store().find("jdupont").orElseThrow().scope().codes());
    }

    @Test
    void aWeakPasswordIsRefusedInFrenchAndNoAccountIsCreated() {
        PasswordPolicy.WeakPassword e = assertThrows(PasswordPolicy.WeakPassword.class, () -> accounts.store().create(
                "jdupont", "Jeanne", Role.GESTIONNAIRE, Scope.departements(accounts.geography(), List.of("06")),
                "court".toCharArray()));
        assertEquals("Le mot de passe doit compter au moins 12 caractères (il en compte 5).", e.getMessage());
        assertTrue(accounts.store().find("jdupont").isEmpty());
        assertTrue(PasswordPolicy.refusal("jdupont", "xxxxxxxxxxxxxxxx".toCharArray()).orElseThrow().contains("seul caractère"));
        assertTrue(PasswordPolicy.refusal("jdupont", "mon-JDupont-2026!".toCharArray()).orElseThrow().contains("identifiant"));
        assertTrue(PasswordPolicy.refusal("jdupont", "a".repeat(129).toCharArray()).orElseThrow().contains("128"));
        assertTrue(PasswordPolicy.refusal("jdupont", AccountFixtures.PASSWORD.toCharArray()).isEmpty());
    }

    @Test
    void malformedLoginsNamesAndScopesThatDoNotFitTheRoleAreRefused() {
        for (String login : List.of("JDupont", "jd", "a b", "x' OR '1'='1", "../etc", "é" + "a".repeat(5), "a".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> AccountFixtures.gestionnaire(accounts, login, "06"), login);
        }
        assertThrows(IllegalArgumentException.class, () -> accounts.store().create("jdupont", "Jeanne\u0000", Role.GESTIONNAIRE,
                Scope.departements(accounts.geography(), List.of("06")), AccountFixtures.PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> accounts.store().create("jdupont", "Jeanne", Role.GESTIONNAIRE,
                Scope.france(accounts.geography()), AccountFixtures.PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> accounts.store().create("jdupont", "Jeanne", Role.ETAT,
                Scope.departements(accounts.geography(), List.of("06")), AccountFixtures.PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> Scope.departements(accounts.geography(), List.of("99")));
        assertThrows(IllegalArgumentException.class, () -> Scope.region(accounts.geography(), "99"));
        assertTrue(accounts.store().list().isEmpty());
    }

    @Test
    void disablingRefusesTheLoginAndClosesOpenSessionsEnablingRestoresTheLogin() {
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        SessionStore.Opened session = accounts.sessions().open("jdupont", "127.0.0.1");
        clock.advance(Duration.ofMinutes(1));

        Account disabled = accounts.store().setEnabled("jdupont", false);

        assertFalse(disabled.enabled());
        assertEquals(clock.instant(), disabled.updated());
        assertTrue(accounts.sessions().find(session.id()).isEmpty());
        assertTrue(accounts.store().check("jdupont", AccountFixtures.PASSWORD.toCharArray()).isEmpty());
        accounts.store().setEnabled("jdupont", true);
        assertTrue(accounts.store().check("jdupont", AccountFixtures.PASSWORD.toCharArray()).isPresent());
        assertTrue(accounts.sessions().find(session.id()).isEmpty(), "a session closed stays closed");
        assertThrows(AccountException.class, () -> accounts.store().setEnabled("personne", false));
    }

    @Test
    void resettingThePasswordReplacesTheHashAndClosesSessions() {
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
        SessionStore.Opened session = accounts.sessions().open("jdupont", "127.0.0.1");

        accounts.store().resetPassword("jdupont", "un tout autre mot de passe".toCharArray());

        assertTrue(accounts.store().check("jdupont", AccountFixtures.PASSWORD.toCharArray()).isEmpty());
        assertTrue(accounts.store().check("jdupont", "un tout autre mot de passe".toCharArray()).isPresent());
        assertTrue(accounts.sessions().find(session.id()).isEmpty());
        assertThrows(PasswordPolicy.WeakPassword.class, () -> accounts.store().resetPassword("jdupont", "court".toCharArray()));
        assertThrows(AccountException.class, () -> accounts.store().resetPassword("personne", AccountFixtures.PASSWORD.toCharArray()));
    }

    @Test
    void aFileThatIsNotAnAccountStoreIsRefused() throws Exception {
        Path other = Files.writeString(folder.resolve("other.db"), "not a database at all");
        assertThrows(AccountException.class, () -> AccountsDatabase.open(other));
        assertThrows(AccountException.class, () -> AccountsDatabase.open(folder.resolve("absent.db")));
        assertFalse(Files.exists(folder.resolve("absent.db")), "opening never creates");
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection c = accounts.database().connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
