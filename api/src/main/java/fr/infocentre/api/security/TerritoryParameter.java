package fr.infocentre.api.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A request parameter that names a territory, declared by a restricted route in its {@link Access} so that
 * {@link GestionGuard} checks it against the account's scope before the route runs: 400 when its value is
 * malformed or unknown, 403 when the account does not cover it. Its value is read from the path parameter of
 * that name, every query parameter of that name and every form field of that name (all of them are checked).
 * <p>
 * The conventional names are checked on every restricted route even when not declared:
 * {@code departement}, {@code region}, {@code commune}, and {@code niveau} with {@code code}
 * ({@link #CONVENTIONAL}). A route declares a parameter to make it required, or for another name, or for a
 * value that maps to départements in its own way ({@link #resolvedBy}: a guichet's département…).
 */
public final class TerritoryParameter {

    /** What the value names. */
    public enum Kind {
        /** A département code (01…95, 2A, 2B, 971…976). */
        DEPARTEMENT,
        /** A région code. */
        REGION,
        /** An INSEE commune code; covered when its département is. */
        COMMUNE,
        /** The pair niveau (national, region, departement, epci, commune) and code, as in the public API. */
        LEVEL_AND_CODE,
        /** Any value, mapped to the départements it belongs to by the route's resolver. */
        RESOLVED
    }

    /** The parameters checked on every restricted route. */
    public static final java.util.List<TerritoryParameter> CONVENTIONAL = java.util.List.of(
            departement("departement"), region("region"), commune("commune"), levelAndCode("niveau", "code"));

    private final Kind kind;
    private final String name;
    private final String codeName;
    private final boolean required;
    private final Function<String, Optional<Set<String>>> resolver;

    private TerritoryParameter(Kind kind, String name, String codeName, boolean required,
                               Function<String, Optional<Set<String>>> resolver) {
        this.kind = kind;
        this.name = Objects.requireNonNull(name);
        this.codeName = codeName;
        this.required = required;
        this.resolver = resolver;
    }

    public static TerritoryParameter departement(String name) {
        return new TerritoryParameter(Kind.DEPARTEMENT, name, null, false, null);
    }

    public static TerritoryParameter region(String name) {
        return new TerritoryParameter(Kind.REGION, name, null, false, null);
    }

    public static TerritoryParameter commune(String name) {
        return new TerritoryParameter(Kind.COMMUNE, name, null, false, null);
    }

    /** A level parameter and a code parameter, as the public API's {@code niveau} and {@code code}. */
    public static TerritoryParameter levelAndCode(String levelName, String codeName) {
        return new TerritoryParameter(Kind.LEVEL_AND_CODE, levelName, Objects.requireNonNull(codeName), false, null);
    }

    /**
     * A parameter whose value belongs to some départements, as the route's resolver says: e.g. a guichet's code,
     * resolved to its département. The account must cover every département returned; an empty result (an
     * unknown value) gets the same 403 as a value outside the scope.
     */
    public static TerritoryParameter resolvedBy(String name, Function<String, Optional<Set<String>>> departementsOf) {
        return new TerritoryParameter(Kind.RESOLVED, name, null, false, Objects.requireNonNull(departementsOf));
    }

    /** The same parameter, which the request must give (400 otherwise). */
    public TerritoryParameter required() {
        return new TerritoryParameter(kind, name, codeName, true, resolver);
    }

    public Kind kind() {
        return kind;
    }

    /** The parameter's name (for a level and code: the level's). */
    public String name() {
        return name;
    }

    /** The code's parameter name, for {@link Kind#LEVEL_AND_CODE}; null otherwise. */
    public String codeName() {
        return codeName;
    }

    public boolean isRequired() {
        return required;
    }

    Function<String, Optional<Set<String>>> resolver() {
        return resolver;
    }
}
