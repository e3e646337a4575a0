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
 * The requêtes each account saved to run again (table {@code saved_queries}): a name (unique for its owner), the
 * definition as JSON (opaque here: the espace's requête routes write and read it) and when it was saved. An account
 * only ever reaches its own: every read and delete names the owner. Deleting the account deletes them.
 */
public final class SavedQueries {

    /** The longest name. */
    public static final int NAME_MAX = 100;
    /** The longest definition (JSON). */
    public static final int DEFINITION_MAX = 8000;
    /** How many requêtes an account may keep. */
    public static final int PER_ACCOUNT_MAX = 100;

    /** A saved requête. */
    public record Saved(long id, String owner, String name, String definition, Instant created) {
    }

    /** Why a requête cannot be saved (French message, for the page). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final AccountsDatabase db;
    private final Clock clock;

    public SavedQueries(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether a name is acceptable: 1 to 100 characters, not blank, no control character. */
    public static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    /**
     * Saves a requête for its owner.
     *
     * @param definition the requête's definition, JSON
     * @return its id
     * @throws Refused a name malformed or already used by the owner, a definition too long, too many requêtes
     */
    public long save(String owner, String name, String definition) {
        if (!validName(name)) {
            throw new Refused("Nom de requête invalide : de 1 à " + NAME_MAX + " caractères, sans caractère de contrôle.");
        }
        if (definition == null || definition.length() > DEFINITION_MAX) {
            throw new Refused("Définition de requête trop longue.");
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement count = c.prepareStatement("SELECT count(*), sum(name = ?) FROM saved_queries WHERE login = ?")) {
                count.setString(1, name);
                count.setString(2, owner);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(2) > 0) {
                        throw new Refused("Vous avez déjà une requête nommée « " + name + " » : choisissez un autre nom.");
                    }
                    if (rs.getLong(1) >= PER_ACCOUNT_MAX) {
                        throw new Refused("Vous avez déjà " + PER_ACCOUNT_MAX + " requêtes enregistrées, le maximum :"
                                + " supprimez-en une d'abord.");
                    }
                }
            }
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO saved_queries (login, name, definition,"
                    + " created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, owner);
                insert.setString(2, name);
                insert.setString(3, definition);
                insert.setLong(4, clock.millis());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("saved requêtes " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** The owner's requêtes, newest first. */
    public List<Saved> list(String owner) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("SELECT id, login, name,"
                + " definition, created_at FROM saved_queries WHERE login = ? ORDER BY id DESC")) {
            select.setString(1, owner);
            List<Saved> saved = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    saved.add(saved(rs));
                }
            }
            return saved;
        } catch (SQLException e) {
            throw new IllegalStateException("saved requêtes " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** The owner's requête of that id; empty when there is none, or it is another account's. */
    public Optional<Saved> find(String owner, long id) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("SELECT id, login, name,"
                + " definition, created_at FROM saved_queries WHERE login = ? AND id = ?")) {
            select.setString(1, owner);
            select.setLong(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(saved(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saved requêtes " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the owner's requête of that id; false when there is none (or it is another account's). */
    public boolean delete(String owner, long id) {
        try (Connection c = db.connect(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM saved_queries WHERE login = ? AND id = ?")) {
            delete.setString(1, owner);
            delete.setLong(2, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("saved requêtes " + db.file() + ": " + e.getMessage(), e);
        }
    }

    private static Saved saved(ResultSet rs) throws SQLException {
        return new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
