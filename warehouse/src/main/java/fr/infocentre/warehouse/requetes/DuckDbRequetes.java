package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RequeteDefinition;
import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.RequeteOptions;
import fr.infocentre.warehouse.RequeteOptions.DimensionChoice;
import fr.infocentre.warehouse.RequeteResult;
import fr.infocentre.warehouse.RequeteResult.Category;
import fr.infocentre.warehouse.RequeteResult.Dimension;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.Catalogue.DimensionCall;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.storage.Guichets;
import fr.infocentre.warehouse.storage.Millesimes;
import fr.infocentre.warehouse.storage.Territoires;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link Requetes} over the DuckDB database of one version of the weekly warehouse (its views and the catalogue's
 * macros in place): each requête checked against the catalogue and the data, assembled by {@link RequeteSql},
 * run on a connection of its own by {@link BoundedQuery} under the {@link Limits}, and laid out with every
 * category of its dimensions.
 */
public final class DuckDbRequetes implements Requetes {

    /** A new connection to the version's database, its views and macros in place; the caller closes it. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String EXACT_NOTE = "Chiffres exacts, réservés aux gestionnaires habilités : aucun secret statistique"
            + " n'est appliqué ; ne pas les diffuser.";

    private final Connections connections;
    private final Catalogue catalogue;
    private final Territoires territoires;
    private final Guichets guichets;
    private final LocalDate dataDate;
    private final LocalDate coveredFrom;
    private final Limits limits;
    private final RequeteOptions options;

    private DuckDbRequetes(Connections connections, Catalogue catalogue, Territoires territoires, Guichets guichets,
                           LocalDate dataDate, LocalDate coveredFrom, Limits limits) {
        this.connections = connections;
        this.catalogue = catalogue;
        this.territoires = territoires;
        this.guichets = guichets;
        this.dataDate = dataDate;
        this.coveredFrom = coveredFrom;
        this.limits = limits;
        this.options = options();
    }

    /**
     * The requêtes over a version whose database the connections reach; the catalogue must be the one whose macros
     * were created there.
     */
    public static DuckDbRequetes open(Connections connections, ServedVersion version, Catalogue catalogue, Limits limits) {
        try (Connection c = connections.open()) {
            LocalDate dataDate = version.load().dateExtraction();
            LocalDate from = Millesimes.historyStart(c, version);
            return new DuckDbRequetes(connections, catalogue, Territoires.load(c, version), Guichets.load(c, version),
                    dataDate, from == null ? dataDate.withDayOfYear(1) : from, limits);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the version " + version.directory() + " for the requêtes", e);
        }
    }

    @Override
    public RequeteOptions options() {
        if (options != null) {
            return options;
        }
        List<DimensionChoice> dimensions = new ArrayList<>();
        for (String name : catalogue.dimensionNames()) {
            DimensionCall call = catalogue.dimensionCall(name).orElse(null);
            if (call == null) {
                continue;
            }
            Set<Population> populations = EnumSet.noneOf(Population.class);
            for (Population p : Population.values()) {
                if (RequeteSql.offers(p, call)) {
                    populations.add(p);
                }
            }
            if (populations.isEmpty()) {
                continue;
            }
            var d = catalogue.dimension(name).orElseThrow();
            dimensions.add(new DimensionChoice(name, d.header(), d.label(), categories(d), populations));
        }
        Map<String, Set<String>> epciDepartements = new TreeMap<>();
        for (Membership m : territoires.memberships().values()) {
            if (m.epci() != null) {
                epciDepartements.computeIfAbsent(m.epci(), k -> new TreeSet<>()).add(m.departement());
            }
        }
        List<RequeteOptions.Epci> epci = territoires.territoires(Level.EPCI).stream().map(t -> new RequeteOptions.Epci(
                t.code(), t.name(), List.copyOf(epciDepartements.getOrDefault(t.code(), Set.of())))).toList();
        return new RequeteOptions(dataDate, coveredFrom, dimensions, territoires.territoires(Level.DEPARTEMENT), epci,
                guichets.all(), limits.timeout(), limits.maxRows());
    }

    private static List<Category> categories(fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension d) {
        return d.categories().stream().map(c -> new Category(c.key(), c.label())).toList();
    }

    /** A requête checked against the catalogue and the data, ready to count. */
    private record Prepared(LocalDate start, LocalDate end, List<Dimension> dimensions, List<RequeteSql.Call> calls,
                            Map<RequeteSql.Call, List<String>> categories, List<String> scope) {
    }

    @Override
    public void check(RequeteDefinition def) {
        prepare(def);
    }

    @Override
    public RequeteResult run(RequeteDefinition def) {
        Prepared p = prepare(def);
        RequeteSql.Assembled sql = RequeteSql.count(def.population(), p.start(), p.end(), p.calls(),
                new RequeteSql.Restrictions(def.departements(), def.epci(), def.communes(), def.guichets(), p.categories(),
                        def.associations()), limits.maxRows() + 1);
        List<Object[]> rows;
        try (Connection c = connections.open()) {
            rows = BoundedQuery.rows(c, sql.sql(), sql.parameters(), limits.timeout(), limits.maxRows());
        } catch (SQLException e) {
            throw new IllegalStateException("requête failed: " + def.parameters(), e);
        }
        return layout(def, p.dimensions(), rows, p.start(), p.end(), p.scope());
    }

    private Prepared prepare(RequeteDefinition def) {
        Population population = def.population();
        LocalDate start;
        LocalDate end;
        if (population == Population.EN_COURS) {
            start = def.date() == null ? dataDate : def.date();
            covered(RequeteDefinition.DATE, start);
            end = start;
        } else {
            end = def.au() == null ? dataDate : def.au();
            start = def.du() == null ? end.withDayOfYear(1) : def.du();
            covered(RequeteDefinition.DU, start);
            covered(RequeteDefinition.AU, end);
            if (start.isAfter(end)) {
                throw invalid(RequeteDefinition.DU, "Période vide : du " + start.format(DATE) + " au " + end.format(DATE) + ".");
            }
        }

        List<Dimension> dimensions = new ArrayList<>();
        List<RequeteSql.Call> calls = new ArrayList<>();
        long cells = 1;
        for (String name : def.dimensions()) {
            Dimension d = dimension(RequeteDefinition.DIMENSION, name, population);
            dimensions.add(d);
            calls.add(RequeteSql.call(population, catalogue.dimensionCall(name).orElseThrow()));
            cells *= d.categories().size();
        }
        if (cells > limits.maxRows()) {
            throw BoundedQuery.tooMany(limits.maxRows());
        }

        List<String> scope = new ArrayList<>();
        List<String> departements = new ArrayList<>();
        for (String code : def.departements()) {
            Territoire t = territoires.territoire(Level.DEPARTEMENT, code).orElseThrow(() -> invalid(
                    RequeteDefinition.DEPARTEMENT, "Département hors des données : " + code + " (les données couvrent "
                            + territoires.territoires(Level.DEPARTEMENT).stream().map(Territoire::code)
                            .collect(Collectors.joining(", ")) + ")."));
            departements.add(t.code() + " – " + t.name());
        }
        scope.add((departements.size() > 1 ? "Départements : " : "Département : ") + String.join(", ", departements));
        if (!def.epci().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String code : def.epci()) {
                Territoire t = territoires.territoire(Level.EPCI, code)
                        .filter(e -> territoires.memberships().values().stream()
                                .anyMatch(m -> code.equals(m.epci()) && def.departements().contains(m.departement())))
                        .orElseThrow(() -> invalid(RequeteDefinition.EPCI, "EPCI inconnu ou sans commune dans les"
                                + " départements choisis : " + code + "."));
                names.add(t.code() + " – " + t.name());
            }
            boolean straddles = territoires.memberships().values().stream()
                    .anyMatch(m -> def.epci().contains(m.epci()) && !def.departements().contains(m.departement()));
            scope.add("EPCI : " + String.join(", ", names) + (straddles ? " (leurs communes des départements choisis)" : ""));
        }
        if (!def.communes().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String code : def.communes()) {
                Membership m = territoires.memberships().get(code);
                Territoire t = territoires.territoire(Level.COMMUNE, code)
                        .filter(c -> m != null && def.departements().contains(m.departement()))
                        .orElseThrow(() -> invalid(RequeteDefinition.COMMUNES, "Commune inconnue ou hors des départements"
                                + " choisis : " + code + " (un arrondissement compte dans sa commune)."));
                names.add(t.code() + " – " + t.name());
            }
            scope.add((names.size() > 1 ? "Communes : " : "Commune : ") + String.join(", ", names));
        }
        if (!def.guichets().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String code : def.guichets()) {
                Guichet g = guichets.guichet(code).filter(x -> def.departements().contains(x.departement()))
                        .orElseThrow(() -> invalid(RequeteDefinition.GUICHET, "Guichet inconnu ou hors des départements"
                                + " choisis : " + code + "."));
                names.add(g.code() + " – " + g.libelle());
            }
            scope.add("Guichet de rattachement de la demande : " + String.join(", ", names));
        }
        Map<RequeteSql.Call, List<String>> categories = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : def.filtres().entrySet()) {
            Dimension d = dimension(RequeteDefinition.FILTRE, f.getKey(), population);
            Map<String, String> labels = new HashMap<>();
            d.categories().forEach(c -> labels.put(c.key(), c.label()));
            for (String key : f.getValue()) {
                if (!labels.containsKey(key)) {
                    throw invalid(RequeteDefinition.FILTRE, "Catégorie inconnue de la dimension " + d.name() + " : "
                            + key + " (catégories : " + d.categories().stream().map(Category::key)
                            .collect(Collectors.joining(", ")) + ").");
                }
            }
            categories.put(RequeteSql.call(population, catalogue.dimensionCall(d.name()).orElseThrow()), f.getValue());
            scope.add(d.header() + " : " + f.getValue().stream().map(labels::get).collect(Collectors.joining(", ")));
        }
        scope.add("Demandes de personnes morales (associations) : " + switch (def.associations()) {
            case EXCLUES -> "exclues";
            case INCLUSES -> "comprises";
            case SEULES -> "seules comptées";
        });

        return new Prepared(start, end, dimensions, calls, categories, scope);
    }

    /** A dimension of the catalogue a population can be counted by, or an INVALID_PARAMETER naming the parameter. */
    private Dimension dimension(String parameter, String name, Population population) {
        var declared = catalogue.dimension(name).orElseThrow(() -> invalid(parameter, "Dimension inconnue : « " + name
                + " » (dimensions : " + options.dimensions(population).stream().map(DimensionChoice::name)
                .collect(Collectors.joining(", ")) + ")."));
        DimensionCall call = catalogue.dimensionCall(name).orElseThrow(() -> invalid(parameter, "La dimension « "
                + declared.header() + " » (" + name + ") ne se calcule pas dans une requête : ses catégories sont"
                + " écrites par les rapports eux-mêmes."));
        List<String> missing = RequeteSql.missing(population, call);
        if (!missing.isEmpty()) {
            throw invalid(parameter, "La dimension « " + declared.header() + " » (" + name + ") ne s'applique pas aux "
                    + population.label().toLowerCase(java.util.Locale.FRANCE) + " : elle lit " + String.join(", ", missing)
                    + ", que cette population n'a pas.");
        }
        return new Dimension(name, declared.header(), declared.label(), categories(declared));
    }

    private void covered(String parameter, LocalDate day) {
        if (day.isAfter(dataDate)) {
            throw invalid(parameter, "Le " + day.format(DATE) + " est après l'extraction des données, du "
                    + dataDate.format(DATE) + ".");
        }
        if (day.isBefore(coveredFrom)) {
            throw invalid(parameter, "Le " + day.format(DATE) + " est avant le début de l'historique conservé, le "
                    + coveredFrom.format(DATE) + " (avant, des demandes radiées ont pu être purgées par le SNE).");
        }
    }

    /** Every category of each dimension in its order, the counts of the rows returned, the totals. */
    private RequeteResult layout(RequeteDefinition def, List<Dimension> dimensions, List<Object[]> rows,
                                 LocalDate start, LocalDate end, List<String> scope) {
        Dimension first = dimensions.get(0);
        Dimension second = dimensions.size() > 1 ? dimensions.get(1) : null;
        List<Category> columns = second == null ? List.of(RequeteResult.COUNT) : second.categories();
        Map<String, Integer> lineIndex = index(first);
        Map<String, Integer> columnIndex = second == null ? Map.of() : index(second);
        long[][] counts = new long[first.categories().size()][columns.size()];
        for (Object[] row : rows) {
            int i = position(lineIndex, first, row[0]);
            int j = second == null ? 0 : position(columnIndex, second, row[1]);
            counts[i][j] += ((Number) row[row.length - 1]).longValue();
        }
        List<RequeteResult.Line> lines = new ArrayList<>();
        long[] columnTotals = new long[columns.size()];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            List<Long> values = new ArrayList<>();
            long lineTotal = 0;
            for (int j = 0; j < columns.size(); j++) {
                values.add(counts[i][j]);
                lineTotal += counts[i][j];
                columnTotals[j] += counts[i][j];
            }
            total += lineTotal;
            Category c = first.categories().get(i);
            lines.add(new RequeteResult.Line(c.key(), c.label(), values, lineTotal));
        }
        String title = def.population().label() + (def.population() == Population.EN_COURS ? " au " + start.format(DATE)
                : " du " + start.format(DATE) + " au " + end.format(DATE)) + " par " + first.label()
                + (second == null ? "" : " et par " + second.label());
        List<String> notes = new ArrayList<>();
        if (def.population() == Population.EN_COURS) {
            notes.add("Demandes en cours au " + start.format(DATE) + " : les demandes actives ce jour-là, localisées par"
                    + " la commune de leur premier choix, avec leurs caractéristiques telles qu'elles étaient connues"
                    + " ce jour-là.");
        } else {
            notes.add("Demandes satisfaites du " + start.format(DATE) + " au " + end.format(DATE) + " : les attributions"
                    + " dont le bail a été signé dans la période, localisées par la commune du logement attribué, avec"
                    + " les caractéristiques du ménage à la date du bail.");
        }
        if (!def.guichets().isEmpty()) {
            notes.add("Guichet de rattachement : celui qui a enregistré la demande (ou l'a validée, pour le portail"
                    + " grand public).");
        }
        notes.add(EXACT_NOTE);
        notes.add("Source : SNE, extraction du " + dataDate.format(DATE) + ".");
        return new RequeteResult(def, title, scope, dataDate, start, end, dimensions, columns, lines,
                java.util.Arrays.stream(columnTotals).boxed().toList(), total, second == null ? "bar" : "stacked-bar", notes);
    }

    private static Map<String, Integer> index(Dimension d) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < d.categories().size(); i++) {
            index.put(d.categories().get(i).key(), i);
        }
        return index;
    }

    private static int position(Map<String, Integer> index, Dimension d, Object value) {
        Integer i = value == null ? null : index.get(value.toString());
        if (i == null) {
            throw new IllegalStateException("dimensions/" + d.name() + ".yaml: its macro gave " + value
                    + ", which is none of its categories");
        }
        return i;
    }

    private static InvalidRequest invalid(String parameter, String message) {
        return new InvalidRequest(Cause.INVALID_PARAMETER, parameter, message);
    }
}
