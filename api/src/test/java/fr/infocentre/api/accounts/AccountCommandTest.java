package fr.infocentre.api.accounts;

import fr.infocentre.api.accounts.cli.AccountCommand;
import fr.infocentre.api.accounts.cli.PasswordSource;
import fr.infocentre.etl.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./infocentre account …}: create, list, disable, enable, reset-password; errors; passwords never printed. */
class AccountCommandTest {

    private static final String PASSWORD = "une phrase de passe assez longue";

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();
    private final List<CommandRun> runs = new ArrayList<>();

    /** A run with that standard input (the passwords' first line). */
    private CommandRun run(String stdin, String... args) {
        CommandRun run = CommandRun.of(AccountCommand.commandLine(PasswordSource.lines(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), clock), args);
        runs.add(run);
        return run;
    }

    private String store() {
        return folder.resolve("accounts.db").toString();
    }

    private CommandRun create(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("create", "--accounts", store()));
        all.addAll(List.of(args));
        return run(stdin, all.toArray(String[]::new));
    }

    @Test
    void theFirstAdministrateurThenAGestionnaireAndAnEtatAreCreatedAndListed() {
        CommandRun admin = create(PASSWORD + "\n", "--login", "admin", "--name", "Administrateur", "--role", "administrateur");
        assertEquals(0, admin.status(), admin.err());
        assertEquals("Account 'admin' created: administrateur, France.\n", admin.out());
        assertTrue(Files.exists(folder.resolve("accounts.db")));
        assertEquals(0, create(PASSWORD + "\n", "--login", "jdupont", "--name", "Jeanne Dupont", "--role", "gestionnaire",
                "--departements", "06,83").status());
        assertEquals(0, create(PASSWORD + "\n", "--login", "paca", "--name", "DREAL PACA", "--role", "etat", "--region", "93").status());
        assertEquals(0, create(PASSWORD + "\n", "--login", "dhup", "--name", "DHUP", "--role", "etat", "--france").status());

        CommandRun list = run("", "list", "--accounts", store());

        assertEquals(0, list.status(), list.err());
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].matches("LOGIN +NAME +ROLE +TERRITORIES +ENABLED +CREATED +UPDATED"), lines[0]);
        assertTrue(lines[1].matches("admin +Administrateur +administrateur +France +yes +2026-12-07 09:00 +2026-12-07 09:00"), lines[1]);
        assertTrue(lines[3].matches("jdupont +Jeanne Dupont +gestionnaire +départements 06,83 +yes .*"), lines[3]);
        assertTrue(lines[4].matches("paca +DREAL PACA +etat +région 93 +yes .*"), lines[4]);
        assertEquals("4 accounts.", lines[5]);
        Accounts accounts = Accounts.open(folder.resolve("accounts.db"));
        assertTrue(accounts.store().check("jdupont", PASSWORD.toCharArray()).isPresent(), "the password read from stdin");
        assertPasswordsNeverPrinted();
    }

    @Test
    void eachChangeIsRecordedInTheAuditLogAsTheSystemUser() {
        create(PASSWORD + "\n", "--login", "jdupont", "--name", "Jeanne Dupont", "--role", "gestionnaire", "--departements", "06");
        run("", "disable", "--accounts", store(), "--login", "jdupont");

        List<SqliteAuditLog.Stored> log = Accounts.open(folder.resolve("accounts.db")).audit().newestFirst(0, 10);
        assertEquals(2, log.size());
        AuditEntry creation = log.get(1).entry();
        assertEquals("cli:" + System.getProperty("user.name"), creation.login());
        assertEquals("création de compte", creation.action());
        assertEquals("account create", creation.route());
        assertEquals(List.of("jdupont"), creation.parameters().get("login"));
        assertEquals("désactivation de compte", log.get(0).entry().action());
    }

    @Test
    void aDuplicateLoginIsRefusedAndTheFirstAccountKept() {
        create(PASSWORD + "\n", "--login", "jdupont", "--name", "Jeanne Dupont", "--role", "gestionnaire", "--departements", "06");

        CommandRun again = create("un autre mot de passe long\n", "--login", "jdupont", "--name", "Autre", "--role",
                "gestionnaire", "--departements", "13");

        assertEquals(1, again.status());
        assertEquals("error: an account named 'jdupont' already exists\n", again.err());
        Accounts accounts = Accounts.open(folder.resolve("accounts.db"));
        assertEquals(List.of("06"), accounts.store().find("jdupont").orElseThrow().scope().codes());
        assertTrue(accounts.store().check("jdupont", PASSWORD.toCharArray()).isPresent());
    }

    @Test
    void usageErrorsNameTheOptionAndExitTwoWithoutCreatingAnything() {
        String[][] cases = {
                {"Invalid value for option '--departements': unknown département code '99'", "--login", "x01", "--name", "X",
                        "--role", "gestionnaire", "--departements", "06,99"},
                {"Invalid value for option '--region': unknown région code '99'", "--login", "x02", "--name", "X",
                        "--role", "etat", "--region", "99"},
                {"Missing required option for role gestionnaire: '--departements CODES'", "--login", "x03", "--name", "X",
                        "--role", "gestionnaire", "--region", "93"},
                {"Missing required option for role etat: '--region CODE' or '--france'", "--login", "x04", "--name", "X",
                        "--role", "etat"},
                {"Option '--region' is not for role administrateur", "--login", "x05", "--name", "X",
                        "--role", "administrateur", "--region", "93"},
                {"Invalid value for option '--role': 'chef'", "--login", "x06", "--name", "X", "--role", "chef", "--france"},
                {"Invalid value for option '--login': 'Jean Dupont'", "--login", "Jean Dupont", "--name", "X",
                        "--role", "etat", "--france"},
                {"--france are mutually exclusive (specify only one)", "--login", "x07", "--name", "X",
                        "--role", "etat", "--france", "--region", "93"},
                {"Unknown option: '--password'", "--login", "x08", "--name", "X", "--role", "etat", "--france",
                        "--password", PASSWORD},
                {"Missing required option: '--login LOGIN'", "--name", "X", "--role", "etat", "--france"}};
        for (String[] c : cases) {
            CommandRun run = create(PASSWORD + "\n", java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, run.status(), String.join(" ", c));
            assertTrue(run.err().startsWith(c[0]) || run.err().contains(c[0]), c[0] + " / " + run.err());
            assertTrue(run.err().contains("Usage: infocentre account create"), run.err());
        }
        assertFalse(Files.exists(folder.resolve("accounts.db")), "nothing created");
        assertPasswordsNeverPrinted();
        CommandRun none = run("", "--help");
        assertEquals(0, none.status());
        assertTrue(none.out().contains("create") && none.out().contains("reset-password"), none.out());
        assertEquals(2, run("").status(), "no subcommand");
        CommandRun version = run("", "--version");
        assertEquals(0, version.status());
        assertFalse(version.out().isBlank());
    }

    @Test
    void aWeakPasswordOrNoPasswordIsRefusedInFrenchAndNoAccountIsCreated() {
        CommandRun weak = create("court\n", "--login", "jdupont", "--name", "Jeanne", "--role", "gestionnaire",
                "--departements", "06");
        assertEquals(1, weak.status());
        assertEquals("error: password refused: Le mot de passe doit compter au moins 12 caractères (il en compte 5).\n", weak.err());
        CommandRun withLogin = create("jdupont-2026-secret\n", "--login", "jdupont", "--name", "Jeanne", "--role",
                "gestionnaire", "--departements", "06");
        assertEquals(1, withLogin.status());
        assertTrue(withLogin.err().contains("Le mot de passe ne doit pas contenir l'identifiant."), withLogin.err());
        CommandRun none = create("", "--login", "jdupont", "--name", "Jeanne", "--role", "gestionnaire", "--departements", "06");
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no password on the standard input"), none.err());
        assertFalse(Files.exists(folder.resolve("accounts.db")), "nothing created");
    }

    @Test
    void disableEnableAndResetPassword() {
        create(PASSWORD + "\n", "--login", "jdupont", "--name", "Jeanne Dupont", "--role", "gestionnaire", "--departements", "06");
        Accounts accounts = Accounts.open(folder.resolve("accounts.db"));
        SessionStore.Opened session = accounts.sessions().open("jdupont", "127.0.0.1");

        CommandRun disabled = run("", "disable", "--accounts", store(), "--login", "jdupont");
        assertEquals(0, disabled.status(), disabled.err());
        assertEquals("Account 'jdupont' disabled; its sessions are closed.\n", disabled.out());
        assertTrue(accounts.sessions().find(session.id()).isEmpty());
        assertTrue(run("", "list", "--accounts", store()).out().contains(" no "));

        assertEquals(0, run("", "enable", "--accounts", store(), "--login", "jdupont").status());
        assertTrue(accounts.store().find("jdupont").orElseThrow().enabled());

        CommandRun reset = run("le nouveau mot de passe\n", "reset-password", "--accounts", store(), "--login", "jdupont");
        assertEquals(0, reset.status(), reset.err());
        assertTrue(accounts.store().check("jdupont", "le nouveau mot de passe".toCharArray()).isPresent());
        assertTrue(accounts.store().check("jdupont", PASSWORD.toCharArray()).isEmpty());
        CommandRun weakReset = run("court\n", "reset-password", "--accounts", store(), "--login", "jdupont");
        assertEquals(1, weakReset.status());
        assertTrue(accounts.store().check("jdupont", "le nouveau mot de passe".toCharArray()).isPresent(), "unchanged");

        for (String command : List.of("disable", "enable", "reset-password")) {
            CommandRun unknown = run(PASSWORD + "\n", command, "--accounts", store(), "--login", "personne");
            assertEquals(1, unknown.status(), command);
            assertEquals("error: no account named 'personne'\n", unknown.err(), command);
        }
        assertPasswordsNeverPrinted();
    }

    @Test
    void aMissingStoreIsNamedAndNotCreatedExceptByCreate() {
        CommandRun list = run("", "list", "--accounts", store());
        assertEquals(1, list.status());
        assertTrue(list.err().startsWith("error: no account store at " + store()), list.err());
        assertEquals(1, run("", "disable", "--accounts", store(), "--login", "x").status());
        assertFalse(Files.exists(folder.resolve("accounts.db")));
    }

    private void assertPasswordsNeverPrinted() {
        for (CommandRun run : runs) {
            for (String text : List.of(run.out(), run.err())) {
                assertFalse(text.contains(PASSWORD) || text.contains("nouveau mot de passe") || text.contains("$argon2"), text);
            }
        }
    }
}
