package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Geography;
import fr.infocentre.api.accounts.Scope;
import fr.infocentre.api.request.RequestError;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the territory parameters of a request against an account's scope: throws a {@link RequestError} of
 * 400 (malformed, unknown or missing required value) or 403 (a territory outside the scope; for a resolved
 * value, also one that names nothing, so that nothing tells whether it exists elsewhere). Every value of every parameter is checked.
 */
final class TerritoryCheck {

    private final Geography geography;

    TerritoryCheck(Geography geography) {
        this.geography = geography;
    }

    /**
     * @param values the values a request gives for a parameter name (path, query and form), empty when absent
     */
    void check(Scope scope, List<TerritoryParameter> parameters, Function<String, List<String>> values) {
        for (TerritoryParameter p : parameters) {
            List<String> given = values.apply(p.name());
            if (given.isEmpty()) {
                if (p.isRequired()) {
                    throw new RequestError(400, p.name(), "Paramètre requis : " + p.name() + ".");
                }
                continue;
            }
            if (p.kind() == TerritoryParameter.Kind.LEVEL_AND_CODE) {
                levelAndCode(scope, p, given, values.apply(p.codeName()));
                continue;
            }
            for (String value : given) {
                switch (p.kind()) {
                    case DEPARTEMENT -> departement(scope, p.name(), value);
                    case REGION -> region(scope, p.name(), value);
                    case COMMUNE -> commune(scope, p.name(), value);
                    case RESOLVED -> resolved(scope, p, value);
                    default -> throw new IllegalStateException(p.kind().toString());
                }
            }
        }
    }

    private void departement(Scope scope, String parameter, String code) {
        if (geography.departement(code).isEmpty()) {
            throw new RequestError(400, parameter, "Code de département inconnu : « " + shown(code) + " ».");
        }
        if (!scope.coversDepartement(code)) {
            throw new RequestError(403, parameter, "Accès refusé : le département " + code
                    + " n'est pas dans votre périmètre.");
        }
    }

    private void region(Scope scope, String parameter, String code) {
        if (geography.region(code).isEmpty()) {
            throw new RequestError(400, parameter, "Code de région inconnu : « " + shown(code) + " ».");
        }
        if (!scope.coversRegion(code)) {
            throw new RequestError(403, parameter, "Accès refusé : la région " + code + " n'est pas dans votre périmètre.");
        }
    }

    private void commune(Scope scope, String parameter, String code) {
        Optional<Geography.Departement> departement = geography.departementOfCommune(code);
        if (departement.isEmpty()) {
            throw new RequestError(400, parameter, "Code de commune invalide : « " + shown(code) + " ».");
        }
        if (!scope.coversDepartement(departement.get().code())) {
            throw new RequestError(403, parameter, "Accès refusé : la commune " + code + " (département "
                    + departement.get().code() + ") n'est pas dans votre périmètre.");
        }
    }

    private void levelAndCode(Scope scope, TerritoryParameter p, List<String> levels, List<String> codes) {
        if (levels.size() != 1 || codes.size() != 1) {
            throw new RequestError(400, p.codeName(), "Donnez un seul paramètre " + p.name() + " et un seul paramètre "
                    + p.codeName() + ".");
        }
        String code = codes.get(0);
        switch (levels.get(0)) {
            case "national" -> {
                if (!"FR".equals(code)) {
                    throw new RequestError(400, p.codeName(), "Au niveau national, le code est FR.");
                }
                if (!scope.coversFrance()) {
                    throw new RequestError(403, p.name(), "Accès refusé : la France entière n'est pas dans votre périmètre.");
                }
            }
            case "region" -> region(scope, p.codeName(), code);
            case "departement" -> departement(scope, p.codeName(), code);
            case "commune" -> commune(scope, p.codeName(), code);
            case "epci" -> {
                // the api's geography does not hold the EPCI's départements (89 straddle two): France-wide scopes only
                if (!code.matches("\\d{9}")) {
                    throw new RequestError(400, p.codeName(), "Code d'EPCI invalide : « " + shown(code) + " ».");
                }
                if (!scope.coversFrance()) {
                    throw new RequestError(403, p.name(), "Accès refusé : le niveau EPCI est réservé aux comptes"
                            + " couvrant la France entière.");
                }
            }
            default -> throw new RequestError(400, p.name(), "Niveau géographique inconnu : « " + shown(levels.get(0))
                    + " » (national, region, departement, epci, commune).");
        }
    }

    private void resolved(Scope scope, TerritoryParameter p, String value) {
        // an unknown value gets the same answer as one outside the scope: nothing tells whether it exists elsewhere
        Optional<Set<String>> departements = p.resolver().apply(value);
        if (departements.isEmpty() || departements.get().isEmpty() || !scope.departements().containsAll(departements.get())) {
            throw new RequestError(403, p.name(), "Accès refusé : « " + shown(value)
                    + " » n'est pas dans votre périmètre, ou n'existe pas.");
        }
    }

    /** A value quoted in a message: at most 20 characters. */
    private static String shown(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
