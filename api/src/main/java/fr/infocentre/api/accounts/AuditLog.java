package fr.infocentre.api.accounts;

/**
 * The audit log: append-only (the database refuses UPDATE, DELETE and REPLACE on it). Every request of an
 * account to a restricted route is recorded by the server itself; a route adds the rows it returned and may
 * name its action through {@code fr.infocentre.api.security.Audit}. Code that works outside a request (an
 * export written by a job, the command line) records its own entries here.
 */
public interface AuditLog {

    /** Appends one entry. */
    void record(AuditEntry entry);
}
