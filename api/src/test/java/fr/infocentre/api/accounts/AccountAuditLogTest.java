package fr.infocentre.api.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log: appended and read back; the database itself refuses to change or remove an entry. */
class AccountAuditLogTest {

    @TempDir
    Path folder;
    private Accounts accounts;

    @BeforeEach
    void open() {
        accounts = AccountFixtures.store(folder, new TestClock());
        for (int i = 1; i <= 3; i++) {
            accounts.audit().record(new AuditEntry(Instant.parse("2026-12-07T08:00:0" + i + "Z"), "jdupont", "consultation",
                    "GET /gestion/essai", Map.of("departement", List.of("06")), (long) i * 10, 200, "127.0.0.1"));
        }
    }

    @Test
    void entriesAreReadBackNewestFirst() {
        List<SqliteAuditLog.Stored> page = accounts.audit().newestFirst(0, 2);
        assertEquals(3, accounts.audit().count());
        assertEquals(List.of(3L, 2L), page.stream().map(SqliteAuditLog.Stored::id).toList());
        AuditEntry newest = page.get(0).entry();
        assertEquals(Instant.parse("2026-12-07T08:00:03Z"), newest.at());
        assertEquals(Map.of("departement", List.of("06")), newest.parameters());
        assertEquals(30L, newest.rows());
        assertEquals(List.of(1L), accounts.audit().newestFirst(2, 2).stream().map(SqliteAuditLog.Stored::id).toList());
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndReplaceOnTheLog() throws SQLException {
        for (String sql : List.of("UPDATE audit_log SET login = 'personne'",
                "UPDATE audit_log SET rows_returned = 0 WHERE id = 1",
                "DELETE FROM audit_log",
                "DELETE FROM audit_log WHERE id = 2",
                "INSERT OR REPLACE INTO audit_log (id, at, login, action, route, parameters) VALUES (1, 0, 'x', 'x', 'x', '{}')",
                "REPLACE INTO audit_log (id, at, login, action, route, parameters) VALUES (2, 0, 'x', 'x', 'x', '{}')",
                "INSERT INTO audit_log (id, at, login, action, route, parameters) VALUES (3, 0, 'x', 'x', 'x', '{}')"
                        + " ON CONFLICT (id) DO UPDATE SET login = 'x'")) {
            try (Connection c = accounts.database().connect(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertTrue(refused.getMessage().contains("audit_log is append-only"), refused.getMessage());
            }
        }
        assertEquals(3, accounts.audit().count());
        assertEquals(List.of("jdupont", "jdupont", "jdupont"),
                accounts.audit().newestFirst(0, 10).stream().map(e -> e.entry().login()).toList());
        assertEquals(List.of(30L, 20L, 10L), accounts.audit().newestFirst(0, 10).stream().map(e -> e.entry().rows()).toList());
    }

    @Test
    void anEntryIsBoundedSoThatARequestCannotFloodTheLog() {
        Map<String, List<String>> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("p" + i, List.of("v".repeat(5000)));
        }
        AuditEntry entry = new AuditEntry(Instant.EPOCH, "x".repeat(1000), "consultation", "GET /gestion", many, null, null, null);

        assertEquals(AuditEntry.PARAMETERS_MAX, entry.parameters().size());
        assertEquals(List.of("61 paramètres de plus"), entry.parameters().get("…"));
        assertTrue(entry.parameters().get("p0").get(0).length() <= AuditEntry.VALUE_MAX);
        assertTrue(entry.login().length() <= AuditEntry.TEXT_MAX);
        accounts.audit().record(entry);
        AuditEntry read = accounts.audit().newestFirst(0, 1).get(0).entry();
        assertEquals(entry.parameters(), read.parameters());
        assertNull(read.rows());
        assertNull(read.status());
    }
}
