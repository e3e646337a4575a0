package fr.infocentre.api.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link Policy#perLogin()} failed logins on one login (since its last
 * success) or {@link Policy#perAddress()} from one address within {@link Policy#window()}, further attempts are
 * refused, without checking the password, until the oldest of those failures leaves the window. The same
 * applies to a login that does not exist, so the answer tells nothing about which logins exist. Attempts are
 * kept 30 days in {@code login_attempts}.
 */
public final class LoginThrottle {

    /** How many failures, within which window, block a login and an address. */
    public record Policy(int perLogin, int perAddress, Duration window) {
        /** 5 failures per login, 20 per address, within 15 minutes. */
        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofMinutes(15));
    }

    private static final Duration KEPT = Duration.ofDays(30);
    private static final int KEY_MAX = 64;

    private final AccountsDatabase db;
    private final Clock clock;
    private final Policy policy;

    public LoginThrottle(AccountsDatabase db, Clock clock, Policy policy) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /** The login as the throttle counts it: trimmed, lower case, at most 64 characters (any string, even malformed). */
    public static String key(String login) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
    }

    static String address(String address) {
        String a = address == null ? "" : address;
        return a.length() > KEY_MAX ? a.substring(0, KEY_MAX) : a;
    }

    /** How long this login or this address must wait before its next attempt; empty when it may try now. */
    public Optional<Duration> retryAfter(String login, String address) {
        Instant now = clock.instant();
        long since = now.minus(policy.window()).toEpochMilli();
        try (Connection c = db.connect()) {
            // failures of this login since its last success, and of this address, within the window, newest first
            List<Long> byLogin = failures(c, "SELECT at FROM login_attempts WHERE login = ? AND succeeded = 0 AND at > ?"
                    + " AND at > coalesce((SELECT max(at) FROM login_attempts WHERE login = ? AND succeeded = 1), 0)"
                    + " ORDER BY at DESC LIMIT ?", key(login), since, key(login), policy.perLogin());
            List<Long> byAddress = failures(c, "SELECT at FROM login_attempts WHERE address = ? AND succeeded = 0"
                    + " AND at > ? ORDER BY at DESC LIMIT ?", address(address), since, policy.perAddress());
            Instant until = null;
            if (byLogin.size() >= policy.perLogin()) {
                until = Instant.ofEpochMilli(byLogin.get(byLogin.size() - 1)).plus(policy.window());
            }
            if (byAddress.size() >= policy.perAddress()) {
                Instant a = Instant.ofEpochMilli(byAddress.get(byAddress.size() - 1)).plus(policy.window());
                until = until == null || a.isAfter(until) ? a : until;
            }
            return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    public void recordFailure(String login, String address) {
        record(login, address, false);
    }

    public void recordSuccess(String login, String address) {
        record(login, address, true);
    }

    private void record(String login, String address, boolean succeeded) {
        long now = clock.millis();
        try (Connection c = db.connect()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO login_attempts (login, address, at, succeeded) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, key(login));
                insert.setString(2, address(address));
                insert.setLong(3, now);
                insert.setInt(4, succeeded ? 1 : 0);
                insert.executeUpdate();
            }
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM login_attempts WHERE at < ?")) {
                purge.setLong(1, now - KEPT.toMillis());
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("account store " + db.file() + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> failures(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Long> at = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    at.add(rows.getLong(1));
                }
            }
            return at;
        }
    }
}
