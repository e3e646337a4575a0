package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Accounts;

/**
 * What the espace gestionnaire is served with: the account store opened, and whether its cookies are
 * {@code Secure} (on, unless the server listens on localhost only, in plain HTTP).
 */
public record GestionOptions(Accounts accounts, boolean secureCookies) {
}
