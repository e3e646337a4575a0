package fr.infocentre.warehouse;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a table of series 06 covers ({@link GuichetActivity}): the guichets of a département, of a
 * région, or a single guichet. A guichet belongs to the département of the commune where it sits
 * (guichets.csv, code_commune).
 *
 * @param kind département, région or guichet
 * @param code the INSEE code of the département ("06", "2A") or région ("93"), or the code_guichet
 */
public record Scope(Kind kind, String code) {

    /** The kinds of scope, with their key as in a URL and in the catalogue ({@code scopes:}). */
    public enum Kind {
        DEPARTEMENT("departement", "Département"), REGION("region", "Région"), GUICHET("guichet", "Guichet");

        private final String key;
        private final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** departement, region, guichet. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Optional<Kind> byKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
        }
    }

    public Scope {
        if (kind == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("A scope needs a kind and a code");
        }
    }

    public static Scope departement(String code) {
        return new Scope(Kind.DEPARTEMENT, code);
    }

    public static Scope region(String code) {
        return new Scope(Kind.REGION, code);
    }

    public static Scope guichet(String code) {
        return new Scope(Kind.GUICHET, code);
    }

    /**
     * The scope a request names by its kind's key and its code. Whether the code exists is the
     * warehouse's to say ({@link GuichetActivity}).
     *
     * @throws InvalidRequest UNKNOWN_LEVEL for an unknown kind, UNKNOWN_TERRITOIRE for a missing code
     */
    public static Scope parse(String kind, String code) {
        Kind k = Kind.byKey(kind == null ? "" : kind.strip()).orElseThrow(() -> new InvalidRequest(
                InvalidRequest.Cause.UNKNOWN_LEVEL, "Périmètre inconnu : « " + kind + " » ("
                + Arrays.stream(Kind.values()).map(Kind::key).collect(Collectors.joining(", ")) + ")"));
        if (code == null || code.isBlank()) {
            throw new InvalidRequest(InvalidRequest.Cause.UNKNOWN_TERRITOIRE, "Code non précisé pour le périmètre "
                    + k.key());
        }
        return new Scope(k, code.strip());
    }
}
