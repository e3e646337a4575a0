package fr.infocentre.api.violations;

import fr.infocentre.api.accounts.AccountStore;

/** Breaks "the public site never uses the account store" (test only). */
final class PublicRouteReadingAccounts {

    boolean known(AccountStore store, String login) {
        return store.find(login).isPresent();
    }
}
