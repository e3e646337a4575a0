package fr.infocentre.api;

import fr.infocentre.warehouse.RequeteInvalide;

/** A request that names a wrong parameter: the HTTP status, the parameter (rapport, niveau, code, annee) and a French message. */
final class ErreurRequete extends RuntimeException {

    private final int statut;
    private final String parametre;

    ErreurRequete(int statut, String parametre, String message) {
        super(message);
        this.statut = statut;
        this.parametre = parametre;
    }

    static ErreurRequete de(RequeteInvalide e) {
        return switch (e.motif()) {
            case RAPPORT_INCONNU -> new ErreurRequete(404, "rapport", e.getMessage());
            case NIVEAU_INCONNU, NIVEAU_NON_DISPONIBLE -> new ErreurRequete(400, "niveau", e.getMessage());
            case TERRITOIRE_INCONNU -> new ErreurRequete(404, "code", e.getMessage());
            case ANNEE_NON_COUVERTE -> new ErreurRequete(404, "annee", e.getMessage());
        };
    }

    int statut() {
        return statut;
    }

    String parametre() {
        return parametre;
    }
}
