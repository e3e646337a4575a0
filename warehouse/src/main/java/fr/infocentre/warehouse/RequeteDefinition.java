package fr.infocentre.warehouse;

import fr.infocentre.warehouse.InvalidRequest.Cause;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A requête of the espace gestionnaire, as a gestionnaire builds it: a population (the demandes en cours at a date,
 * or the demandes satisfaites over a period), one or two dimensions of the catalogue, the départements it covers
 * (and, within them, EPCI or communes), guichets, and filters on the categories of other dimensions
 * (docs/gestion.md, "Requêtes"). It is checked here for its form only (names, codes, dates, counts); whether the
 * dimensions, territories and guichets exist in the data is checked when it runs ({@link Requetes#run}).
 * <p>
 * Its parameters ({@link #parse}, {@link #parameters()}) are its one external form: the query string of the
 * requêtes' routes, the saved form of a requête (as JSON) and what the audit log records. Every value is a name
 * or a code matched against a closed pattern: nothing a user writes ever reaches SQL but through a bound parameter.
 *
 * @param population   the demandes counted
 * @param date         for the demandes en cours: the day they are active on (null: the data's date when it runs)
 * @param du           for the demandes satisfaites: the first day of the period (null: 1 January of {@code au}'s year)
 * @param au           for the demandes satisfaites: the last day (null: the data's date when it runs)
 * @param dimensions   one or two dimension names (the rows, then the columns), distinct
 * @param departements the départements covered, 1 to {@value #MAX_VALUES}, sorted
 * @param epci         EPCI (SIREN) within the départements, sorted; empty: no restriction
 * @param communes     communes (INSEE) within the départements, sorted; empty: no restriction (not with {@code epci})
 * @param guichets     guichets de rattachement of the demandes, sorted; empty: every guichet
 * @param filtres      per dimension name, the categories kept (sorted); a demande is kept when each of them holds
 * @param associations whether the demandes of personnes morales are counted
 */
public record RequeteDefinition(Population population, LocalDate date, LocalDate du, LocalDate au,
                                List<String> dimensions, List<String> departements, List<String> epci,
                                List<String> communes, List<String> guichets, Map<String, List<String>> filtres,
                                Associations associations) {

    /** The demandes a requête counts. */
    public enum Population {
        /** Demandes active on a day, located by their first-choice commune, as they stood that day. */
        EN_COURS("en-cours", "Demandes en cours"),
        /** Attributions whose lease was signed in a period, located by the dwelling's commune. */
        SATISFAITES("satisfaites", "Demandes satisfaites");

        private final String key;
        private final String label;

        Population(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the demandes of personnes morales (associations) are counted. */
    public enum Associations {
        EXCLUES("exclues", "hors associations (personnes morales)"),
        INCLUSES("incluses", "associations (personnes morales) comprises"),
        SEULES("seules", "associations (personnes morales) seulement");

        private final String key;
        private final String label;

        Associations(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    public static final String POPULATION = "population";
    public static final String DATE = "date";
    public static final String DU = "du";
    public static final String AU = "au";
    public static final String DIMENSION = "dimension";
    public static final String DEPARTEMENT = "departement";
    public static final String EPCI = "epci";
    public static final String COMMUNES = "communes";
    public static final String GUICHET = "guichet";
    public static final String FILTRE = "filtre";
    public static final String ASSOCIATIONS = "associations";
    /** Every parameter of a requête, in the order of {@link #parameters()}. */
    public static final List<String> PARAMETERS = List.of(POPULATION, DATE, DU, AU, DIMENSION, DEPARTEMENT, EPCI,
            COMMUNES, GUICHET, FILTRE, ASSOCIATIONS);

    /** At most two dimensions: rows, and columns. */
    public static final int MAX_DIMENSIONS = 2;
    /** At most this many départements, EPCI, communes, guichets, filtered categories. */
    public static final int MAX_VALUES = 20;
    /** The longest value read (before it is split on commas or spaces). */
    public static final int MAX_LENGTH = 300;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,30}(-[a-z0-9]{1,30}){0,5}");
    private static final Pattern DEPARTEMENT_CODE = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-5]|2[AB]|97[1-6]");
    private static final Pattern EPCI_CODE = Pattern.compile("[0-9]{9}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("([0-9]{2}|2[AB])[0-9]{3}");
    private static final Pattern GUICHET_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    /** Checks the form of every field (French messages naming the parameter) and keeps sorted, unmodifiable copies. */
    public RequeteDefinition {
        if (population == null) {
            throw invalid(POPULATION, "Population non précisée : « en-cours » (demandes en cours à une date) ou"
                    + " « satisfaites » (attributions d'une période).");
        }
        if (population != Population.EN_COURS && date != null) {
            throw invalid(DATE, "La date se donne pour les demandes en cours ; les demandes satisfaites se comptent sur"
                    + " une période (du, au).");
        }
        if (population != Population.SATISFAITES && (du != null || au != null)) {
            throw invalid(du != null ? DU : AU, "La période (du, au) se donne pour les demandes satisfaites ; les"
                    + " demandes en cours se comptent à une date.");
        }
        if (du != null && au != null && du.isAfter(au)) {
            throw invalid(DU, "Période vide : le " + du + " est après le " + au + ".");
        }
        dimensions = List.copyOf(Objects.requireNonNullElse(dimensions, List.of()));
        if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
            throw invalid(DIMENSION, "Choisissez une ou deux dimensions (" + dimensions.size() + " données).");
        }
        for (String d : dimensions) {
            matches(DIMENSION, d, NAME, "un nom de dimension du catalogue (minuscules et tirets)");
        }
        if (dimensions.size() == 2 && dimensions.get(0).equals(dimensions.get(1))) {
            throw invalid(DIMENSION, "Deux fois la même dimension : " + dimensions.get(0) + ".");
        }
        departements = sorted(DEPARTEMENT, departements, DEPARTEMENT_CODE, "un code de département (06, 2A, 974…)");
        if (departements.isEmpty()) {
            throw invalid(DEPARTEMENT, "Choisissez au moins un département.");
        }
        epci = sorted(EPCI, epci, EPCI_CODE, "un numéro SIREN d'EPCI (9 chiffres)");
        communes = sorted(COMMUNES, communes, COMMUNE_CODE, "un code INSEE de commune (06088, 2A004…)");
        if (!epci.isEmpty() && !communes.isEmpty()) {
            throw invalid(COMMUNES, "Restreignez le territoire à des EPCI ou à des communes, pas aux deux à la fois.");
        }
        guichets = sorted(GUICHET, guichets, GUICHET_CODE, "un code de guichet (lettres, chiffres, _ et -)");
        Map<String, List<String>> kept = new TreeMap<>();
        int categories = 0;
        for (Map.Entry<String, List<String>> f : Objects.requireNonNullElse(filtres, Map.<String, List<String>>of()).entrySet()) {
            String dimension = matches(FILTRE, f.getKey(), NAME, "dimension:CATEGORIE (un nom de dimension du catalogue)");
            List<String> keys = sorted(FILTRE, f.getValue(), CATEGORY, "dimension:CATEGORIE (une clé de catégorie)");
            if (keys.isEmpty()) {
                throw invalid(FILTRE, "Filtre sans catégorie : " + dimension + ".");
            }
            categories += keys.size();
            kept.put(dimension, keys);
        }
        if (categories > MAX_VALUES) {
            throw invalid(FILTRE, "Trop de catégories filtrées : au plus " + MAX_VALUES + ".");
        }
        filtres = Collections.unmodifiableMap(kept);
        associations = Objects.requireNonNullElse(associations, Associations.EXCLUES);
    }

    /**
     * Reads a requête from its parameters (a request's query or form, a saved requête): each name once at most but
     * {@code dimension}, {@code departement}, {@code epci}, {@code communes}, {@code guichet} and {@code filtre}
     * (repeated, and for EPCI, communes and guichets also separated by commas or spaces); blank values are
     * ignored (an empty form field); an unknown name is refused.
     *
     * @throws InvalidRequest {@link Cause#INVALID_PARAMETER}, naming the parameter, with a French message
     */
    public static RequeteDefinition parse(Map<String, List<String>> parameters) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                throw invalid(shown(p.getKey()), "Paramètre inconnu : « " + shown(p.getKey()) + " » (paramètres d'une"
                        + " requête : " + String.join(", ", PARAMETERS) + ").");
            }
            List<String> values = new ArrayList<>();
            for (String v : p.getValue() == null ? List.<String>of() : p.getValue()) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                if (v.length() > MAX_LENGTH) {
                    throw invalid(p.getKey(), "Valeur trop longue pour " + p.getKey() + " (au plus " + MAX_LENGTH
                            + " caractères).");
                }
                values.add(v.strip());
            }
            if (!values.isEmpty()) {
                given.put(p.getKey(), values);
            }
        }
        String populationKey = single(given, POPULATION);
        Population population = populationKey == null ? null : Arrays.stream(Population.values())
                .filter(p -> p.key().equals(populationKey)).findFirst().orElseThrow(() -> invalid(POPULATION,
                        "Population inconnue : « " + shown(populationKey) + " » (en-cours ou satisfaites)."));
        String associationsKey = single(given, ASSOCIATIONS);
        Associations associations = associationsKey == null ? null : Arrays.stream(Associations.values())
                .filter(a -> a.key().equals(associationsKey)).findFirst().orElseThrow(() -> invalid(ASSOCIATIONS,
                        "Valeur inconnue : « " + shown(associationsKey) + " » (exclues, incluses ou seules)."));
        Map<String, List<String>> filtres = new LinkedHashMap<>();
        for (String f : given.getOrDefault(FILTRE, List.of())) {
            int colon = f.indexOf(':');
            if (colon < 1 || colon == f.length() - 1) {
                throw invalid(FILTRE, "Filtre invalide : « " + shown(f) + " » (attendu : dimension:CATEGORIE, par"
                        + " exemple canal:PGP).");
            }
            filtres.computeIfAbsent(f.substring(0, colon), k -> new ArrayList<>()).add(f.substring(colon + 1));
        }
        return new RequeteDefinition(population, date(given, DATE), date(given, DU), date(given, AU),
                given.getOrDefault(DIMENSION, List.of()), given.getOrDefault(DEPARTEMENT, List.of()),
                split(given, EPCI), split(given, COMMUNES), split(given, GUICHET), filtres, associations);
    }

    /**
     * The requête's parameters, canonical (fixed order, sorted values, defaults written out but the dates left
     * to the data's date): {@code parse(d.parameters())} equals {@code d}.
     */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put(POPULATION, List.of(population.key()));
        if (date != null) {
            p.put(DATE, List.of(date.toString()));
        }
        if (du != null) {
            p.put(DU, List.of(du.toString()));
        }
        if (au != null) {
            p.put(AU, List.of(au.toString()));
        }
        p.put(DIMENSION, dimensions);
        p.put(DEPARTEMENT, departements);
        if (!epci.isEmpty()) {
            p.put(EPCI, epci);
        }
        if (!communes.isEmpty()) {
            p.put(COMMUNES, communes);
        }
        if (!guichets.isEmpty()) {
            p.put(GUICHET, guichets);
        }
        if (!filtres.isEmpty()) {
            List<String> f = new ArrayList<>();
            filtres.forEach((d, keys) -> keys.forEach(k -> f.add(d + ":" + k)));
            p.put(FILTRE, List.copyOf(f));
        }
        p.put(ASSOCIATIONS, List.of(associations.key()));
        return Collections.unmodifiableMap(p);
    }

    /** Every dimension the requête reads: its dimensions, then those it filters on. */
    public Set<String> dimensionsRead() {
        Set<String> read = new java.util.LinkedHashSet<>(dimensions);
        read.addAll(filtres.keySet());
        return read;
    }

    private static String single(Map<String, List<String>> given, String name) {
        List<String> values = given.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(name, "Le paramètre " + name + " se donne une fois.");
        }
        return values.get(0);
    }

    private static LocalDate date(Map<String, List<String>> given, String name) {
        String value = single(given, name);
        if (value == null) {
            return null;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw invalid(name, "Date invalide : « " + shown(value) + " » (attendu : AAAA-MM-JJ).");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "Date inexistante : « " + value + " ».");
        }
    }

    private static List<String> split(Map<String, List<String>> given, String name) {
        List<String> values = new ArrayList<>();
        for (String v : given.getOrDefault(name, List.of())) {
            for (String part : SEPARATORS.split(v)) {
                if (!part.isEmpty()) {
                    values.add(part);
                }
            }
        }
        return values;
    }

    private static List<String> sorted(String parameter, Collection<String> values, Pattern pattern, String expected) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String v : Objects.requireNonNullElse(values, List.<String>of())) {
            sorted.add(matches(parameter, v, pattern, expected));
        }
        if (sorted.size() > MAX_VALUES) {
            throw invalid(parameter, "Trop de valeurs pour " + parameter + " : au plus " + MAX_VALUES + ".");
        }
        return List.copyOf(sorted);
    }

    private static String matches(String parameter, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(parameter, "Valeur invalide pour " + parameter + " : « " + shown(value) + " » (attendu : "
                    + expected + ").");
        }
        return value;
    }

    private static InvalidRequest invalid(String parameter, String message) {
        return new InvalidRequest(Cause.INVALID_PARAMETER, parameter, message);
    }

    /** A value quoted in a message: at most 20 characters, control characters replaced. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() <= 20 ? value : value.substring(0, 20) + "…";
        StringBuilder s = new StringBuilder();
        cut.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.toString();
    }
}
