package fr.infocentre.api.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log in the account store's table {@code audit_log}: appended, read newest first, never changed. */
public final class SqliteAuditLog implements AuditLog {

    /** An entry as stored, with its sequence number. */
    public record Stored(long id, AuditEntry entry) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountsDatabase db;

    public SqliteAuditLog(AccountsDatabase db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry entry) {
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log"
                + " (at, login, action, route, parameters, rows_returned, status, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.login());
            insert.setString(3, entry.action());
            insert.setString(4, entry.route());
            insert.setString(5, JSON.writeValueAsString(entry.parameters()));
            if (entry.rows() == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setLong(6, entry.rows());
            }
            if (entry.status() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, entry.status());
            }
            insert.setString(8, entry.address());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("audit log " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** How many entries the log holds. */
    public long count() {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("SELECT count(*) FROM audit_log");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("audit log " + db.file() + ": " + e.getMessage(), e);
        }
    }

    /** At most {@code limit} entries, newest first, after skipping the {@code offset} newest. */
    public List<Stored> newestFirst(long offset, int limit) {
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("SELECT id, at, login, action,"
                + " route, parameters, rows_returned, status, address FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?")) {
            select.setInt(1, limit);
            select.setLong(2, offset);
            List<Stored> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, List<String>> parameters = JSON.readValue(row.getString(6), new TypeReference<>() {
                    });
                    long rows = row.getLong(7);
                    Long rowsOrNull = row.wasNull() ? null : rows;
                    int status = row.getInt(8);
                    Integer statusOrNull = row.wasNull() ? null : status;
                    entries.add(new Stored(row.getLong(1), new AuditEntry(Instant.ofEpochMilli(row.getLong(2)),
                            row.getString(3), row.getString(4), row.getString(5), parameters, rowsOrNull, statusOrNull,
                            row.getString(9))));
                }
            }
            return entries;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("audit log " + db.file() + ": " + e.getMessage(), e);
        }
    }
}
