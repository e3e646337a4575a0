package fr.infocentre.api.accounts;

import java.time.Duration;

/**
 * A login attempt (the login trimmed and put in lower case): throttled first ({@link LoginThrottle}), then the password checked against the enabled
 * account's hash. An unknown, malformed or disabled login gets the same answer as a wrong password, in about
 * the same time; a throttled attempt is answered without checking anything.
 */
public final class Authenticator {

    /** Longer than any password the policy accepts: refused without hashing. */
    private static final int PASSWORD_MAX = 1024;

    /** The outcome of a login attempt. */
    public sealed interface Result {
        /** The password is the enabled account's own. */
        record Success(Account account) implements Result {
        }

        /** Wrong login or password, or a disabled account: one answer for all. */
        record Refused() implements Result {
        }

        /** Too many failures: retry after this long. */
        record Throttled(Duration retryAfter) implements Result {
        }
    }

    private final AccountStore accounts;
    private final LoginThrottle throttle;

    public Authenticator(AccountStore accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    public Result login(String login, char[] password, String address) {
        var wait = throttle.retryAfter(login, address);
        if (wait.isPresent()) {
            return new Result.Throttled(wait.get());
        }
        // the login as typed, trimmed and in lower case (logins are stored in lower case)
        String key = LoginThrottle.key(login);
        var account = password.length > PASSWORD_MAX ? java.util.Optional.<Account>empty() : accounts.check(key, password);
        if (account.isPresent()) {
            throttle.recordSuccess(login, address);
            return new Result.Success(account.get());
        }
        throttle.recordFailure(login, address);
        return new Result.Refused();
    }
}
