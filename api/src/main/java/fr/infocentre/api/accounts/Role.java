package fr.infocentre.api.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do in the espace gestionnaire; its territories are in its {@link Scope}. */
public enum Role {
    /** A gestionnaire territorial: one or more départements. */
    GESTIONNAIRE("gestionnaire", "Gestionnaire territorial"),
    /** The État's services: one région, or the whole of France. */
    ETAT("etat", "État"),
    /** Administers the accounts and reads the audit log; the whole of France. */
    ADMINISTRATEUR("administrateur", "Administrateur");

    private final String key;
    private final String label;

    Role(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key stored in the account store and typed on the command line: gestionnaire, etat, administrateur. */
    public String key() {
        return key;
    }

    /** The French label shown to users. */
    public String label() {
        return label;
    }

    public static Optional<Role> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
