package fr.infocentre.api.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Login throttling: per login and per address, the same for a login that does not exist. */
class AccountThrottleTest {

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();
    private Accounts accounts;

    @BeforeEach
    void open() {
        accounts = AccountFixtures.store(folder, clock);
        AccountFixtures.gestionnaire(accounts, "jdupont", "06");
    }

    private Authenticator.Result login(String login, String password, String address) {
        return accounts.authenticator().login(login, password.toCharArray(), address);
    }

    @Test
    void fiveFailuresBlockTheLoginFor15MinutesEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertInstanceOf(Authenticator.Result.Refused.class, login("jdupont", "mauvais mot de passe", "10.0.0." + i));
        }
        Authenticator.Result blocked = login("jdupont", AccountFixtures.PASSWORD, "10.0.0.9");
        assertEquals(Duration.ofMinutes(15).minusSeconds(40), assertInstanceOf(Authenticator.Result.Throttled.class, blocked)
                .retryAfter(), "until the oldest of the 5 failures leaves the window");
        assertInstanceOf(Authenticator.Result.Refused.class, login("autre", "mauvais mot de passe", "10.0.0.9"),
                "another login is checked, not blocked");

        clock.advance(Duration.ofMinutes(15).minusSeconds(40));
        assertInstanceOf(Authenticator.Result.Success.class, login("JDupont ", AccountFixtures.PASSWORD, "10.0.0.9"),
                "trimmed, in lower case, once the window has passed");
        assertInstanceOf(Authenticator.Result.Refused.class, login("jdupont", "mauvais mot de passe", "10.0.0.9"),
                "a success starts the count again");
    }

    @Test
    void anUnknownLoginIsThrottledAndAnsweredExactlyLikeAKnownOne() {
        for (String login : new String[] {"jdupont", "personne"}) {
            for (int i = 0; i < 5; i++) {
                assertInstanceOf(Authenticator.Result.Refused.class, login(login, "mauvais mot de passe", "10.1.0." + i));
            }
            Authenticator.Result blocked = login(login, "mauvais mot de passe", "10.1.0.9");
            assertEquals(Duration.ofMinutes(15), assertInstanceOf(Authenticator.Result.Throttled.class, blocked).retryAfter(), login);
        }
    }

    @Test
    void twentyFailuresFromOneAddressBlockItWhateverTheLogin() {
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(Authenticator.Result.Refused.class, login("essai" + i, "mauvais mot de passe", "192.0.2.1"));
        }
        assertInstanceOf(Authenticator.Result.Throttled.class, login("jdupont", AccountFixtures.PASSWORD, "192.0.2.1"));
        assertInstanceOf(Authenticator.Result.Success.class, login("jdupont", AccountFixtures.PASSWORD, "192.0.2.2"));
    }

    @Test
    void aDisabledAccountGetsTheAnswerOfAWrongPassword() {
        accounts.store().setEnabled("jdupont", false);
        assertInstanceOf(Authenticator.Result.Refused.class, login("jdupont", AccountFixtures.PASSWORD, "10.2.0.1"));
    }
}
