package fr.infocentre.api.gestion;

import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.warehouse.restricted.CurrentWarehouse;

import java.util.Optional;

/**
 * What the espace gestionnaire is served with: the account store opened, whether its cookies are
 * {@code Secure} (on, unless the server listens on localhost only, in plain HTTP), and the weekly
 * warehouse, always its latest load (without it, the pages reading figures are not mounted).
 */
public record GestionOptions(Accounts accounts, boolean secureCookies, Optional<CurrentWarehouse> warehouse) {

    /** The espace without the weekly warehouse's figures. */
    public GestionOptions(Accounts accounts, boolean secureCookies) {
        this(accounts, secureCookies, Optional.empty());
    }
}
