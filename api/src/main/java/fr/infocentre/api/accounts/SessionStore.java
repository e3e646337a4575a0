package fr.infocentre.api.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sessions. A session id is a random token given once to the browser (its cookie); the store keeps
 * only its SHA-256, with the account's login, the session's CSRF token and its times. A session is valid while
 * its account exists and is enabled, it was used within the idle timeout, and it was opened within the
 * absolute timeout; an expired one is deleted when it is presented.
 */
public final class SessionStore {

    /** The idle and absolute timeouts. */
    public record Policy(Duration idle, Duration absolute) {
        /** 30 minutes idle, 10 hours in all (a working day). */
        public static final Policy DEFAULT = new Policy(Duration.ofMinutes(30), Duration.ofHours(10));
    }

    /** A session just opened: its id goes into the cookie and is never stored as such. */
    public record Opened(String id, String csrfToken) {
    }

    /**
     * A valid session and its account, as read at this request.
     *
     * @param expires when it ends without activity (idle timeout, bounded by the absolute one)
     * @param ends    when it ends whatever the activity (absolute timeout)
     */
    public record Session(Account account, String csrfToken, Instant created, Instant lastSeen, Instant expires,
                          Instant ends) {
    }

    /** How stale the last-use time may get before it is written again (fewer writes; the idle timeout is 30 min). */
    private static final Duration TOUCH = Duration.ofSeconds(30);

    private final AccountsDatabase db;
    private final AccountStore accounts;
    private final Clock clock;
    private final Policy policy;

    public SessionStore(AccountsDatabase db, AccountStore accounts, Clock clock, Policy policy) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Opens a new session for an account (a new random id: a session id is never chosen by the client); the
     * sessions past either timeout, which no browser presented again, are swept at the same time.
     */
    public Opened open(String login, String address) {
        closeExpired();
        String id = Tokens.random();
        String csrf = Tokens.random();
        long now = clock.millis();
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO sessions"
                + " (id_hash, login, csrf_token, created_at, last_seen_at, address) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Tokens.digest(id));
            insert.setString(2, login);
            insert.setString(3, csrf);
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.setString(6, address);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
        return new Opened(id, csrf);
    }

    /**
     * The valid session of that id, its use recorded; empty for a malformed, unknown, expired id, or one whose
     * account was disabled or deleted (an expired session is deleted).
     */
    public Optional<Session> find(String id) {
        if (!Tokens.wellFormed(id)) {
            return Optional.empty();
        }
        String hash = Tokens.digest(id);
        Instant now = clock.instant();
        try (Connection c = db.connect()) {
            String login;
            String csrf;
            Instant created;
            Instant lastSeen;
            try (PreparedStatement select = c.prepareStatement("SELECT s.login, s.csrf_token, s.created_at, s.last_seen_at"
                    + " FROM sessions s JOIN accounts a ON a.login = s.login AND a.enabled = 1 WHERE s.id_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    login = row.getString(1);
                    csrf = row.getString(2);
                    created = Instant.ofEpochMilli(row.getLong(3));
                    lastSeen = Instant.ofEpochMilli(row.getLong(4));
                }
            }
            Instant idleEnd = lastSeen.plus(policy.idle());
            Instant absoluteEnd = created.plus(policy.absolute());
            if (!now.isBefore(idleEnd) || !now.isBefore(absoluteEnd)) {
                delete(c, hash);
                return Optional.empty();
            }
            Optional<Account> account = accounts.read(c, login).filter(Account::enabled);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            if (Duration.between(lastSeen, now).compareTo(TOUCH) >= 0) {
                try (PreparedStatement touch = c.prepareStatement("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?")) {
                    touch.setLong(1, now.toEpochMilli());
                    touch.setString(2, hash);
                    touch.executeUpdate();
                }
                lastSeen = now;
            }
            Instant expires = min(lastSeen.plus(policy.idle()), absoluteEnd);
            return Optional.of(new Session(account.get(), csrf, created, lastSeen, expires, absoluteEnd));
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** Closes a session (logout, or the session replaced at login); nothing for an unknown id. */
    public void close(String id) {
        if (!Tokens.wellFormed(id)) {
            return;
        }
        try (Connection c = db.connect()) {
            delete(c, Tokens.digest(id));
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the sessions past either timeout; returns how many. */
    public int closeExpired() {
        long now = clock.millis();
        try (Connection c = db.connect(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?")) {
            delete.setLong(1, now - policy.idle().toMillis());
            delete.setLong(2, now - policy.absolute().toMillis());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Connection c, String hash) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
            delete.setString(1, hash);
            delete.executeUpdate();
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
