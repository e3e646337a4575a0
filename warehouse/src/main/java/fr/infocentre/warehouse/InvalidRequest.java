package fr.infocentre.warehouse;

/** A request the warehouse cannot answer: unknown rapport, level, territory code or year. */
public final class InvalidRequest extends RuntimeException {
    public enum Cause { UNKNOWN_RAPPORT, UNKNOWN_LEVEL, LEVEL_NOT_AVAILABLE, UNKNOWN_TERRITOIRE, YEAR_NOT_COVERED,
        /** A period of the restricted space malformed, not offered or not covered (rapport 06). */
        INVALID_PERIOD }

    private final Cause cause;

    public InvalidRequest(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause motif() {
        return cause;
    }
}
