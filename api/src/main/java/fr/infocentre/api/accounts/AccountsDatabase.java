package fr.infocentre.api.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The account store's file: one SQLite database (accounts, their territories, sessions, login attempts,
 * audit log, saved requêtes), shared by the server and the {@code account} command line running in other processes (SQLite
 * locks the file; write-ahead logging lets the server read while the command line writes). Created readable
 * and writable by its owner only. Each operation takes its own connection ({@link #connect()}): there is no
 * state in memory, so what another process writes is seen at the next request.
 */
public final class AccountsDatabase {

    /** The schema version written in {@code PRAGMA user_version}: 2 adds the saved requêtes. */
    static final int SCHEMA_VERSION = 2;

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE accounts (
              login         TEXT PRIMARY KEY CHECK (length(login) BETWEEN 3 AND 64 AND login = lower(login)),
              display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
              role          TEXT NOT NULL CHECK (role IN ('gestionnaire', 'etat', 'administrateur')),
              enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
              password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
              created_at    INTEGER NOT NULL,
              updated_at    INTEGER NOT NULL
            ) STRICT""", """
            CREATE TABLE account_territories (
              login TEXT NOT NULL REFERENCES accounts (login) ON DELETE CASCADE,
              level TEXT NOT NULL CHECK (level IN ('france', 'region', 'departement')),
              code  TEXT NOT NULL,
              PRIMARY KEY (login, level, code)
            ) STRICT""", """
            CREATE TABLE sessions (
              id_hash      TEXT PRIMARY KEY,
              login        TEXT NOT NULL REFERENCES accounts (login) ON DELETE CASCADE,
              csrf_token   TEXT NOT NULL,
              created_at   INTEGER NOT NULL,
              last_seen_at INTEGER NOT NULL,
              address      TEXT
            ) STRICT""",
            "CREATE INDEX sessions_by_login ON sessions (login)", """
            CREATE TABLE login_attempts (
              id        INTEGER PRIMARY KEY AUTOINCREMENT,
              login     TEXT NOT NULL,
              address   TEXT NOT NULL,
              at        INTEGER NOT NULL,
              succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
            ) STRICT""",
            "CREATE INDEX login_attempts_by_login ON login_attempts (login, at)",
            "CREATE INDEX login_attempts_by_address ON login_attempts (address, at)", """
            CREATE TABLE audit_log (
              id            INTEGER PRIMARY KEY AUTOINCREMENT,
              at            INTEGER NOT NULL,
              login         TEXT NOT NULL,
              action        TEXT NOT NULL,
              route         TEXT NOT NULL,
              parameters    TEXT NOT NULL,
              rows_returned INTEGER,
              status        INTEGER,
              address       TEXT
            ) STRICT""", """
            CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END""", """
            CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END""", """
            CREATE TRIGGER audit_log_refuses_replace BEFORE INSERT ON audit_log
            WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: REPLACE refused'); END""");

    /**
     * What each version adds to the one before (index 0: version 1 → 2), applied in order to a store of an older
     * version when it is opened, in one transaction.
     */
    private static final List<List<String>> MIGRATIONS = List.of(List.of("""
            CREATE TABLE saved_queries (
              id         INTEGER PRIMARY KEY AUTOINCREMENT,
              login      TEXT NOT NULL REFERENCES accounts (login) ON DELETE CASCADE,
              name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
              definition TEXT NOT NULL CHECK (length(definition) <= 8000 AND json_valid(definition)),
              created_at INTEGER NOT NULL,
              UNIQUE (login, name)
            ) STRICT"""));

    private final Path file;
    private final String url;

    private AccountsDatabase(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.url = "jdbc:sqlite:" + this.file;
    }

    /**
     * Opens an existing account store.
     *
     * @throws AccountException when the file does not exist or is not an account store of this version
     */
    public static AccountsDatabase open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AccountException("no account store at " + file
                    + " (create it with its first account: ./infocentre account create --accounts " + file + " …)");
        }
        AccountsDatabase db = new AccountsDatabase(file);
        db.checkSchema();
        return db;
    }

    /** Opens an account store, creating it (owner-only permissions, schema) when the file does not exist. */
    public static AccountsDatabase openOrCreate(Path file) {
        if (Files.exists(file)) {
            return open(file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the account store " + file, e);
        }
        AccountsDatabase db = new AccountsDatabase(file);
        db.createSchema();
        return db;
    }

    public Path file() {
        return file;
    }

    /** A new connection, foreign keys enforced, waiting up to 5 s for a lock held by another process. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 5000");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void createSchema() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            c.setAutoCommit(false);
            for (String statement : SCHEMA) {
                s.execute(statement);
            }
            for (List<String> migration : MIGRATIONS) {
                for (String statement : migration) {
                    s.execute(statement);
                }
            }
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            c.commit();
        } catch (SQLException e) {
            throw new AccountException("cannot create the account store " + file + ": " + e.getMessage());
        }
    }

    /**
     * Checks the store's version, bringing a store of an older version up to date first (its migrations, in one
     * transaction taken with the write lock, so that two processes opening it at once migrate it once).
     */
    private void checkSchema() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            int found = userVersion(s);
            if (found >= 1 && found < SCHEMA_VERSION) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    found = userVersion(s);
                    for (int v = found; v < SCHEMA_VERSION; v++) {
                        for (String statement : MIGRATIONS.get(v - 1)) {
                            s.execute(statement);
                        }
                    }
                    s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
                found = userVersion(s);
            }
            if (found != SCHEMA_VERSION) {
                throw new AccountException(file + " is not an Infocentre account store of version " + SCHEMA_VERSION
                        + " (user_version " + found + ")");
            }
        } catch (SQLException e) {
            throw new AccountException(file + " is not an Infocentre account store: " + e.getMessage());
        }
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet version = s.executeQuery("PRAGMA user_version")) {
            return version.next() ? version.getInt(1) : 0;
        }
    }
}
