package fr.infocentre.warehouse;

/** A request the warehouse cannot answer: unknown rapport, level, territory code or year. */
public final class RequeteInvalide extends RuntimeException {
    public enum Cause { RAPPORT_INCONNU, NIVEAU_INCONNU, NIVEAU_NON_DISPONIBLE, TERRITOIRE_INCONNU, ANNEE_NON_COUVERTE }

    private final Cause cause;

    public RequeteInvalide(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause motif() {
        return cause;
    }
}
