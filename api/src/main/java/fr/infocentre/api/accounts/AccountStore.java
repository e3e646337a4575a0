package fr.infocentre.api.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts: creation, listing, enabling and disabling, password reset, and the check of a password. A
 * password hash never leaves this class. Disabling an account or resetting its password closes its sessions;
 * the server also reads the account at every request, so a change made by another process applies at once.
 */
public final class AccountStore {

    private final AccountsDatabase db;
    private final Geography geography;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AccountStore(AccountsDatabase db, Geography geography, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.geography = geography;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates an enabled account.
     *
     * @throws IllegalArgumentException         for a malformed login or display name, or a scope the role cannot have
     * @throws PasswordPolicy.WeakPassword     for a password the policy refuses (French message)
     * @throws AccountException                when an account of that login exists
     */
    public Account create(String login, String displayName, Role role, Scope scope, char[] password) {
        if (!Account.validLogin(login)) {
            throw new IllegalArgumentException("malformed login '" + login
                    + "': 3 to 64 characters among a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        if (!Account.validDisplayName(displayName)) {
            throw new IllegalArgumentException("the display name must have 1 to " + Account.NAME_MAX
                    + " characters, without control characters");
        }
        checkScope(role, scope);
        PasswordPolicy.refusal(login, password).ifPresent(reason -> {
            throw new PasswordPolicy.WeakPassword(reason);
        });
        String hash = hasher.hash(password);
        long now = clock.millis();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM accounts WHERE login = ?")) {
                exists.setString(1, login);
                if (exists.executeQuery().next()) {
                    throw new AccountException("an account named '" + login + "' already exists");
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (login, display_name, role, enabled,"
                    + " password_hash, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)")) {
                insert.setString(1, login);
                insert.setString(2, displayName);
                insert.setString(3, role.key());
                insert.setString(4, hash);
                insert.setLong(5, now);
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            try (PreparedStatement territory = c.prepareStatement(
                    "INSERT INTO account_territories (login, level, code) VALUES (?, ?, ?)")) {
                for (String code : scope.codes()) {
                    territory.setString(1, login);
                    territory.setString(2, scope.kind().key());
                    territory.setString(3, code);
                    territory.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
        return find(login).orElseThrow();
    }

    /** Refuses a scope the role cannot have: départements for a gestionnaire, a région or France for the État, France for an administrateur. */
    public static void checkScope(Role role, Scope scope) {
        boolean fits = switch (role) {
            case GESTIONNAIRE -> scope.kind() == Scope.Kind.DEPARTEMENTS;
            case ETAT -> scope.kind() == Scope.Kind.REGION || scope.kind() == Scope.Kind.FRANCE;
            case ADMINISTRATEUR -> scope.kind() == Scope.Kind.FRANCE;
        };
        if (!fits) {
            throw new IllegalArgumentException("a " + role.key() + " account cannot have the scope " + scope);
        }
    }

    public Optional<Account> find(String login) {
        if (!Account.validLogin(login)) {
            return Optional.empty();
        }
        try (Connection c = db.connect()) {
            return read(c, login);
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** Every account, by login. */
    public List<Account> list() {
        try (Connection c = db.connect();
             PreparedStatement logins = c.prepareStatement("SELECT login FROM accounts ORDER BY login")) {
            List<String> all = new ArrayList<>();
            try (ResultSet rows = logins.executeQuery()) {
                while (rows.next()) {
                    all.add(rows.getString(1));
                }
            }
            List<Account> accounts = new ArrayList<>();
            for (String login : all) {
                read(c, login).ifPresent(accounts::add);
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Enables or disables an account; disabling closes its sessions at once.
     *
     * @throws AccountException when there is no such account
     */
    public Account setEnabled(String login, boolean enabled) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE accounts SET enabled = ?, updated_at = ? WHERE login = ?")) {
                update.setInt(1, enabled ? 1 : 0);
                update.setLong(2, clock.millis());
                update.setString(3, login);
                if (update.executeUpdate() == 0) {
                    throw new AccountException("no account named '" + login + "'");
                }
            }
            if (!enabled) {
                closeSessions(c, login);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
        return find(login).orElseThrow();
    }

    /**
     * Replaces an account's password and closes its sessions.
     *
     * @throws PasswordPolicy.WeakPassword for a password the policy refuses
     * @throws AccountException            when there is no such account
     */
    public void resetPassword(String login, char[] password) {
        if (find(login).isEmpty()) {
            throw new AccountException("no account named '" + login + "'");
        }
        PasswordPolicy.refusal(login, password).ifPresent(reason -> {
            throw new PasswordPolicy.WeakPassword(reason);
        });
        String hash = hasher.hash(password);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE login = ?")) {
                update.setString(1, hash);
                update.setLong(2, clock.millis());
                update.setString(3, login);
                if (update.executeUpdate() == 0) {
                    throw new AccountException("no account named '" + login + "'");
                }
            }
            closeSessions(c, login);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The enabled account of that login if the password is its own. An unknown, malformed or disabled login
     * takes as long as a wrong password, and gets the same answer.
     */
    Optional<Account> check(String login, char[] password) {
        String hash = null;
        if (Account.validLogin(login)) {
            try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement(
                    "SELECT password_hash FROM accounts WHERE login = ? AND enabled = 1")) {
                select.setString(1, login);
                try (ResultSet row = select.executeQuery()) {
                    hash = row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
            }
        }
        if (hash == null) {
            hasher.spendVerificationTime(password);
            return Optional.empty();
        }
        return hasher.matches(password, hash) ? find(login).filter(Account::enabled) : Optional.empty();
    }

    private static void closeSessions(Connection c, String login) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE login = ?")) {
            delete.setString(1, login);
            delete.executeUpdate();
        }
    }

    /** The account of that login read with its territories, on an open connection. */
    Optional<Account> read(Connection c, String login) throws SQLException {
        String displayName;
        Role role;
        boolean enabled;
        Instant created;
        Instant updated;
        try (PreparedStatement select = c.prepareStatement("SELECT display_name, role, enabled, created_at, updated_at"
                + " FROM accounts WHERE login = ?")) {
            select.setString(1, login);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                displayName = row.getString(1);
                role = Role.byKey(row.getString(2)).orElseThrow();
                enabled = row.getInt(3) == 1;
                created = Instant.ofEpochMilli(row.getLong(4));
                updated = Instant.ofEpochMilli(row.getLong(5));
            }
        }
        String level = null;
        List<String> codes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT level, code FROM account_territories WHERE login = ? ORDER BY code")) {
            select.setString(1, login);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    level = rows.getString(1);
                    codes.add(rows.getString(2));
                }
            }
        }
        Scope scope = level == null ? null : switch (level) {
            case "france" -> Scope.france(geography);
            case "region" -> Scope.region(geography, codes.get(0));
            default -> Scope.departements(geography, codes);
        };
        if (scope == null) {
            throw new IllegalStateException("account '" + login + "' has no territory in " + db.file());
        }
        return Optional.of(new Account(login, displayName, role, scope, enabled, created, updated));
    }
}
