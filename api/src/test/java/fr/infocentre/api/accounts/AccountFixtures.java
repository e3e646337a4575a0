package fr.infocentre.api.accounts;

import java.nio.file.Path;
import java.util.List;

/** Account stores for the tests, with a clock the test moves. */
public final class AccountFixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private AccountFixtures() {
    }

    /** A new store in that folder, default timeouts and throttle. */
    public static Accounts store(Path folder, TestClock clock) {
        return Accounts.open(AccountsDatabase.openOrCreate(folder.resolve("accounts.db")), clock,
                SessionStore.Policy.DEFAULT, LoginThrottle.Policy.DEFAULT);
    }

    public static Account gestionnaire(Accounts accounts, String login, String... departements) {
        return accounts.store().create(login, "Gestionnaire " + login, Role.GESTIONNAIRE,
                Scope.departements(accounts.geography(), List.of(departements)), PASSWORD.toCharArray());
    }

    public static Account etatRegion(Accounts accounts, String login, String region) {
        return accounts.store().create(login, "État " + login, Role.ETAT, Scope.region(accounts.geography(), region),
                PASSWORD.toCharArray());
    }

    public static Account administrateur(Accounts accounts, String login) {
        return accounts.store().create(login, "Admin " + login, Role.ADMINISTRATEUR, Scope.france(accounts.geography()),
                PASSWORD.toCharArray());
    }
}
