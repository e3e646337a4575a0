package fr.infocentre.api.request;

import fr.infocentre.warehouse.InvalidRequest;


/** A request that names a wrong parameter: the HTTP status, the parameter (rapport, niveau, code, annee) and a French message. */
public final class RequestError extends RuntimeException {

    private final int status;
    private final String parameter;

    public RequestError(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public static RequestError of(InvalidRequest e) {
        return switch (e.motif()) {
            case UNKNOWN_RAPPORT -> new RequestError(404, "rapport", e.getMessage());
            case UNKNOWN_LEVEL, LEVEL_NOT_AVAILABLE -> new RequestError(400, "niveau", e.getMessage());
            case UNKNOWN_TERRITOIRE -> new RequestError(404, "code", e.getMessage());
            case YEAR_NOT_COVERED -> new RequestError(404, "annee", e.getMessage());
            case INVALID_PERIOD -> new RequestError(400, "periode", e.getMessage());
            case INVALID_PARAMETER, TOO_MANY_ROWS -> new RequestError(400, e.parameter(), e.getMessage());
            case QUERY_TIMEOUT -> new RequestError(503, e.parameter(), e.getMessage());
        };
    }

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }
}
