package fr.infocentre.api.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The territories an account sees: the whole of France, one région (its départements), or a list of
 * départements. A gestionnaire sees only its départements, everywhere: a région or France is covered only by
 * a scope of that région or of France, never by the départements it is made of. Immutable.
 */
public final class Scope {

    /** How the scope is given. */
    public enum Kind {
        FRANCE("france"), REGION("region"), DEPARTEMENTS("departement");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The level stored with each territory of the scope: france, region, departement. */
        public String key() {
            return key;
        }
    }

    private final Kind kind;
    private final List<String> codes;
    private final Set<String> departements;

    private Scope(Kind kind, List<String> codes, Set<String> departements) {
        this.kind = kind;
        this.codes = List.copyOf(codes);
        this.departements = Set.copyOf(departements);
    }

    /** The whole of France. */
    public static Scope france(Geography geography) {
        return new Scope(Kind.FRANCE, List.of("FR"),
                geography.departements().stream().map(Geography.Departement::code).collect(Collectors.toSet()));
    }

    /** One région and its départements. */
    public static Scope region(Geography geography, String region) {
        if (geography.region(region).isEmpty()) {
            throw new IllegalArgumentException("unknown région code '" + region + "'");
        }
        return new Scope(Kind.REGION, List.of(region),
                geography.departementsOf(region).stream().map(Geography.Departement::code).collect(Collectors.toSet()));
    }

    /** One or more départements. */
    public static Scope departements(Geography geography, Collection<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a scope of départements needs at least one département");
        }
        for (String code : codes) {
            if (geography.departement(code).isEmpty()) {
                throw new IllegalArgumentException("unknown département code '" + code + "'");
            }
        }
        TreeSet<String> sorted = new TreeSet<>(codes);
        return new Scope(Kind.DEPARTEMENTS, List.copyOf(sorted), sorted);
    }

    public Kind kind() {
        return kind;
    }

    /** FR; the région's code; or the départements' codes, sorted. */
    public List<String> codes() {
        return codes;
    }

    public boolean coversFrance() {
        return kind == Kind.FRANCE;
    }

    public boolean coversRegion(String region) {
        return kind == Kind.FRANCE || kind == Kind.REGION && codes.contains(region);
    }

    public boolean coversDepartement(String departement) {
        return departements.contains(departement);
    }

    /** Every département the scope covers (all of them for France). */
    public Set<String> departements() {
        return departements;
    }

    /** In French, for the pages: « France entière », « Région 93 – Provence-Alpes-Côte d'Azur », « 06 – Alpes-Maritimes, 83 – Var ». */
    public List<String> labels(Geography geography) {
        return switch (kind) {
            case FRANCE -> List.of("France entière");
            case REGION -> codes.stream().map(c -> "Région " + c + " – " + geography.region(c).orElseThrow().name()).toList();
            case DEPARTEMENTS -> codes.stream()
                    .map(c -> c + " – " + geography.departement(c).orElseThrow().name()).toList();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope s && kind == s.kind && codes.equals(s.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, codes);
    }

    @Override
    public String toString() {
        return kind == Kind.FRANCE ? "france" : kind.key() + " " + String.join(",", codes);
    }
}
