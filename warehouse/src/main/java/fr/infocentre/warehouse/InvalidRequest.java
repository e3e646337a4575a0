package fr.infocentre.warehouse;

/** A request the warehouse cannot answer: unknown rapport, level, territory code or year. */
public final class InvalidRequest extends RuntimeException {
    public enum Cause { UNKNOWN_RAPPORT, UNKNOWN_LEVEL, LEVEL_NOT_AVAILABLE, UNKNOWN_TERRITOIRE, YEAR_NOT_COVERED,
        /** A period of the restricted space malformed, not offered or not covered (rapport 06). */
        INVALID_PERIOD,
        /** A parameter of a requête malformed, unknown, or outside the data or the other parameters ({@link #parameter()} names it). */
        INVALID_PARAMETER,
        /** A requête whose result would hold more rows than its limit. */
        TOO_MANY_ROWS,
        /** A requête still running at its time limit, interrupted. */
        QUERY_TIMEOUT }

    private final Cause cause;
    private final String parameter;

    public InvalidRequest(Cause cause, String message) {
        this(cause, null, message);
    }

    /** @param parameter the request parameter at fault (null when none is) */
    public InvalidRequest(Cause cause, String parameter, String message) {
        super(message);
        this.cause = cause;
        this.parameter = parameter;
    }

    public Cause motif() {
        return cause;
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
