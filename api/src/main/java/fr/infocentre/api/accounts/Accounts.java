package fr.infocentre.api.accounts;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The account store opened: its accounts, sessions, login throttle, audit log, saved requêtes and the authenticator over them,
 * sharing one database file, one clock (injected in tests) and the geography of the territories.
 */
public final class Accounts {

    private final AccountsDatabase db;
    private final Geography geography;
    private final AccountStore store;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final SqliteAuditLog audit;
    private final Authenticator authenticator;
    private final SavedQueries savedQueries;
    private final Clock clock;

    private Accounts(AccountsDatabase db, Clock clock, SessionStore.Policy sessionPolicy, LoginThrottle.Policy throttlePolicy) {
        this.db = db;
        this.clock = clock;
        this.geography = Geography.france();
        this.store = new AccountStore(db, geography, new PasswordHasher(), clock);
        this.sessions = new SessionStore(db, store, clock, sessionPolicy);
        this.throttle = new LoginThrottle(db, clock, throttlePolicy);
        this.audit = new SqliteAuditLog(db);
        this.authenticator = new Authenticator(store, throttle);
        this.savedQueries = new SavedQueries(db, clock);
    }

    /** Opens an existing store with the default timeouts and throttle (see {@link AccountsDatabase#open}). */
    public static Accounts open(Path file) {
        return open(AccountsDatabase.open(file), Clock.systemUTC(), SessionStore.Policy.DEFAULT, LoginThrottle.Policy.DEFAULT);
    }

    public static Accounts open(AccountsDatabase db, Clock clock, SessionStore.Policy sessionPolicy,
                                LoginThrottle.Policy throttlePolicy) {
        return new Accounts(db, clock, sessionPolicy, throttlePolicy);
    }

    public AccountsDatabase database() {
        return db;
    }

    public Geography geography() {
        return geography;
    }

    public AccountStore store() {
        return store;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public SqliteAuditLog audit() {
        return audit;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** The requêtes the accounts saved. */
    public SavedQueries savedQueries() {
        return savedQueries;
    }

    public Clock clock() {
        return clock;
    }
}
