package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.GuichetEvolution;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.IndicatorColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.GuichetBatch;
import fr.infocentre.warehouse.engine.GuichetBatch.Aggregate;
import fr.infocentre.warehouse.engine.GuichetBatch.Window;
import fr.infocentre.warehouse.engine.GuichetFigures;
import fr.infocentre.warehouse.engine.GuichetTables;
import fr.infocentre.warehouse.engine.GuichetTables.Layout;
import fr.infocentre.warehouse.engine.GuichetTables.Place;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.secret.MaskingPattern;
import fr.infocentre.warehouse.secret.SecretStatistique;
import fr.infocentre.warehouse.storage.Guichets;
import fr.infocentre.warehouse.storage.Millesimes;
import fr.infocentre.warehouse.storage.ParquetViews;
import fr.infocentre.warehouse.storage.Territoires;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link GuichetActivity} over an in-memory DuckDB database holding views on the served version's
 * Parquet files, as {@link DuckDbWarehouse} opens it: one root connection, each request on a
 * connection of its own duplicated from it. Only the protected diffusable version of the last
 * periods asked is kept (the data never changes under an open instance). It serves the catalogue's rapport by
 * guichet {@value GuichetActivity#RAPPORT} (restricted series 06) only.
 */
public final class DuckDbGuichetActivity implements GuichetActivity {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String EXACT_NOTE = "Chiffres exacts, réservés aux gestionnaires habilités : ne pas les diffuser"
            + " (la version diffusable applique le secret statistique).";
    static final String DIFFUSABLE_NOTE = "Version diffusable : le secret statistique est appliqué comme aux rapports"
            + " publics ; un taux ou un délai moyen est masqué avec un effectif dont il est calculé, et un"
            + " signalement qui s'appuie sur une case masquée n'est pas affiché.";
    static final String REFERENCE_NOTE = "Ligne de référence : l'activité de l'ensemble des guichets du département"
            + " (un guichet appartient au département de sa commune) ; chaque guichet est comparé à celle de son"
            + " département.";
    private static final int MAX_MONTHS = 24;

    private final DuckDBConnection root;
    private final ServedVersion version;
    private final GuichetRapportDefinition def;
    private final Territoires territoires;
    private final Guichets guichets;
    private final LocalDate dataDate;
    private final LocalDate coveredFrom;
    private final List<Indicator> indicators;
    private final Layout layout;
    /**
     * The diffusable versions protected last, by period key: protecting the whole data once per
     * period, whatever the scope asked (the version served never changes).
     */
    private final Map<String, Protected> protectedPeriods = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Protected> eldest) {
            return size() > PROTECTED_KEPT;
        }
    };
    private static final int PROTECTED_KEPT = 3;

    private DuckDbGuichetActivity(DuckDBConnection root, ServedVersion version, GuichetRapportDefinition def,
                                  Territoires territoires, Guichets guichets, LocalDate coveredFrom) {
        this.root = root;
        this.version = version;
        this.def = def;
        this.territoires = territoires;
        this.guichets = guichets;
        this.dataDate = version.load().dateExtraction();
        this.coveredFrom = coveredFrom == null ? dataDate.withDayOfYear(1) : coveredFrom;
        this.indicators = def.indicators();
        this.layout = GuichetTables.layout(def);
    }

    public static DuckDbGuichetActivity open(Path warehouseDir) {
        return open(warehouseDir, Catalogue.load());
    }

    /**
     * Opens the restricted entry point over a catalogue (tests give their own): it must declare
     * {@value GuichetActivity#RAPPORT} as a rapport by guichet of a restricted series.
     */
    public static DuckDbGuichetActivity open(Path warehouseDir, Catalogue catalogue) {
        GuichetRapportDefinition def = catalogue.guichetRapport(RAPPORT).orElseThrow(() -> new IllegalStateException(
                "The catalogue declares no rapport by guichet " + RAPPORT));
        if (catalogue.series(def.rapport().series()).map(Series::visibility).orElse(null) != Series.Visibility.RESTRICTED) {
            throw new IllegalStateException(RAPPORT + " is not in a restricted series");
        }
        ServedVersion version = ServedVersion.read(warehouseDir);
        DuckDBConnection root = null;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            ParquetViews.create(root, version);
            catalogue.createMacros(root);
            try (Connection c = root.duplicate()) {
                GuichetBatch.check(c, def);
            }
            return new DuckDbGuichetActivity(root, version, def, Territoires.load(root, version),
                    Guichets.load(root, version), Millesimes.historyStart(root, version));
        } catch (SQLException e) {
            close(root);
            throw new IllegalStateException("Cannot open the warehouse version " + version.directory(), e);
        } catch (RuntimeException e) {
            close(root);
            throw e;
        }
    }

    /** The name of the version served. */
    public String version() {
        return version.name();
    }

    /** The version served, as read when it was opened. */
    public ServedVersion servedVersion() {
        return version;
    }

    /**
     * A new connection to this version's database (its views and the catalogue's macros in place), for the restricted
     * space's other entry points (the requêtes); the caller closes it.
     */
    public Connection connection() throws SQLException {
        return root.duplicate();
    }

    /** The rapport's declaration. */
    public GuichetRapportDefinition definition() {
        return def;
    }

    @Override
    public Rapport rapport() {
        return def.rapport();
    }

    @Override
    public List<Indicator> indicators() {
        return indicators;
    }

    @Override
    public LocalDate dataDate() {
        return dataDate;
    }

    @Override
    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    @Override
    public List<Period.Kind> periods() {
        return def.periods();
    }

    @Override
    public List<Period.Kind> diffusablePeriods() {
        return def.diffusablePeriods();
    }

    @Override
    public List<Territoire> territoires(Level level) {
        if (level != Level.DEPARTEMENT && level != Level.REGION) {
            throw new InvalidRequest(Cause.LEVEL_NOT_AVAILABLE, "Niveau " + level.key()
                    + " : le suivi des guichets se consulte par département ou par région");
        }
        return territoires.territoires(level);
    }

    @Override
    public List<String> departements(Scope scope) {
        return resolve(scope).departements();
    }

    @Override
    public List<Guichet> guichets(Scope scope) {
        Resolved r = resolve(scope);
        return guichets.all().stream().filter(r::holds).toList();
    }

    @Override
    public Optional<Guichet> guichet(String code) {
        return guichets.guichet(code);
    }

    /** A scope resolved against the data: its name, its départements, and the guichet for a guichet's scope. */
    private record Resolved(Scope scope, String name, List<String> departements, Guichet guichet) {

        boolean holds(Guichet g) {
            return guichet == null ? departements.contains(g.departement()) : guichet.code().equals(g.code());
        }
    }

    private Resolved resolve(Scope scope) {
        if (scope == null) {
            throw new InvalidRequest(Cause.UNKNOWN_LEVEL, "Périmètre non précisé");
        }
        if (!def.scopes().contains(scope.kind())) {
            throw new InvalidRequest(Cause.LEVEL_NOT_AVAILABLE, "Le rapport " + RAPPORT + " ne se consulte pas par "
                    + scope.kind().key());
        }
        return switch (scope.kind()) {
            case DEPARTEMENT -> {
                Territoire t = territoires.territoire(Level.DEPARTEMENT, scope.code()).orElseThrow(() -> unknown(scope));
                yield new Resolved(scope, t.name(), List.of(t.code()), null);
            }
            case REGION -> {
                Territoire t = territoires.territoire(Level.REGION, scope.code()).orElseThrow(() -> unknown(scope));
                List<String> deps = territoires.memberships().values().stream()
                        .filter(m -> m.region().equals(t.code())).map(Membership::departement).distinct().sorted().toList();
                yield new Resolved(scope, t.name(), deps, null);
            }
            case GUICHET -> {
                Guichet g = guichets.guichet(scope.code()).orElseThrow(() -> unknown(scope));
                yield new Resolved(scope, g.libelle(), List.of(g.departement()), g);
            }
        };
    }

    private static InvalidRequest unknown(Scope scope) {
        String what = switch (scope.kind()) {
            case DEPARTEMENT -> "Département inconnu ou hors des données : ";
            case REGION -> "Région inconnue ou hors des données : ";
            case GUICHET -> "Guichet inconnu ou hors des départements des données : ";
        };
        return new InvalidRequest(Cause.UNKNOWN_TERRITOIRE, what + scope.code());
    }

    private Guichet guichetOrThrow(String code) {
        return guichets.guichet(code == null ? "" : code).orElseThrow(() -> new InvalidRequest(Cause.UNKNOWN_TERRITOIRE,
                "Guichet inconnu ou hors des départements des données : " + code));
    }

    private IndicatorColumn indicatorOrThrow(String key) {
        return def.column(key == null ? "" : key).orElseThrow(() -> new InvalidRequest(Cause.UNKNOWN_RAPPORT,
                "Indicateur inconnu : " + key + " (indicateurs : " + def.columns().stream().map(IndicatorColumn::key)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    /** The period's days, checked against the kinds offered and the data's coverage. */
    private Window window(Period period, List<Period.Kind> offered, boolean complete) {
        if (period == null) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Période non précisée");
        }
        if (!offered.contains(period.kind())) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Période " + period.key() + " : "
                    + (offered.isEmpty() ? "aucune période n'est proposée" : "les périodes proposées sont "
                    + offered.stream().map(Period.Kind::key).collect(Collectors.joining(", "))) + (complete
                    ? " (version diffusable)" : ""));
        }
        LocalDate start = period.start(dataDate);
        if (start.isAfter(dataDate)) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Période " + period.key()
                    + " non couverte : les données s'arrêtent à l'extraction du " + dataDate.format(DATE));
        }
        if (start.isBefore(coveredFrom)) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Période " + period.key()
                    + " non couverte : l'historique conservé commence le " + coveredFrom.format(DATE));
        }
        if (complete && !period.complete(dataDate)) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Période " + period.key() + " en cours à l'extraction du "
                    + dataDate.format(DATE) + " : la version diffusable porte sur une période achevée");
        }
        return new Window(period.key(), start, period.end(dataDate));
    }

    @Override
    public ActivityTable rapport06(Scope scope, Period period) {
        Window w = window(period, def.periods(), false);
        Resolved r = resolve(scope);
        Map<String, Map<String, Aggregate>> counts = counts(List.of(w), r.departements()).getOrDefault(w.key(), Map.of());
        Rows rows = rows(r, w, counts, false);
        List<ActivityRow> listed = new ArrayList<>();
        for (Guichet g : rows.guichets()) {
            Map<String, Aggregate> a = counts.getOrDefault(g.code(), Map.of());
            Map<String, Double> exact = GuichetFigures.exact(def, a);
            listed.add(new ActivityRow(ActivityRow.Kind.GUICHET, g.code(), g.libelle(), g.departement(),
                    GuichetFigures.values(def, a), GuichetFigures.flags(def, exact,
                    GuichetFigures.exact(def, rows.references().get(key(ActivityRow.Kind.DEPARTEMENT, g.departement())))),
                    Set.of()));
        }
        List<ActivityRow> references = new ArrayList<>();
        rows.references().forEach((k, a) -> {
            Map<String, Double> exact = GuichetFigures.exact(def, a);
            references.add(new ActivityRow(k.kind(), k.code(), name(k), k.kind() == ActivityRow.Kind.DEPARTEMENT
                    ? k.code() : null, GuichetFigures.values(def, a), GuichetFigures.flags(def, exact, exact), Set.of()));
        });
        List<String> notes = notes(period, w);
        notes.add(EXACT_NOTE);
        return new ActivityTable(def.rapport(), scope, r.name(), period, w.start(), w.end(), period.complete(dataDate),
                dataDate, false, indicators, List.copyOf(listed), List.copyOf(references), List.copyOf(notes));
    }

    /** A reference line: its kind and code. */
    private record RowKey(ActivityRow.Kind kind, String code) {
    }

    private static RowKey key(ActivityRow.Kind kind, String code) {
        return new RowKey(kind, code);
    }

    private String name(RowKey k) {
        Level level = k.kind() == ActivityRow.Kind.REGION ? Level.REGION : Level.DEPARTEMENT;
        return territoires.territoire(level, k.code()).map(Territoire::name).orElse(k.code());
    }

    /**
     * The guichets listed, by département then code, and the aggregates of the reference lines (each
     * département of the scope: all its guichets; the région for a région's scope).
     */
    private record Rows(List<Guichet> guichets, Map<RowKey, Map<String, Aggregate>> references) {
    }

    /**
     * @param every every guichet of the scope (the diffusable version: which guichets are listed
     *              must say nothing of their counts), or (the exact version) those open during the
     *              period or with any unit in it
     */
    private Rows rows(Resolved r, Window w, Map<String, Map<String, Aggregate>> counts, boolean every) {
        List<Guichet> listed = guichets.all().stream().filter(r::holds)
                .filter(g -> every || g.openDuring(w.start(), w.end()) || counts.getOrDefault(g.code(), Map.of()).values()
                        .stream().anyMatch(a -> a.n() > 0))
                .sorted(Comparator.comparing(Guichet::departement).thenComparing(Guichet::code)).toList();
        Map<RowKey, Map<String, Aggregate>> references = new LinkedHashMap<>();
        for (String d : r.departements()) {
            references.put(key(ActivityRow.Kind.DEPARTEMENT, d), sum(guichets.all().stream()
                    .filter(g -> g.departement().equals(d)).map(g -> counts.getOrDefault(g.code(), Map.of())).toList()));
        }
        if (r.scope().kind() == Scope.Kind.REGION) {
            references.put(key(ActivityRow.Kind.REGION, r.scope().code()), sum(guichets.all().stream()
                    .filter(g -> r.departements().contains(g.departement()))
                    .map(g -> counts.getOrDefault(g.code(), Map.of())).toList()));
        }
        return new Rows(listed, references);
    }

    private static Map<String, Aggregate> sum(Collection<Map<String, Aggregate>> parts) {
        Map<String, Aggregate> sum = new HashMap<>();
        parts.forEach(p -> p.forEach((k, a) -> sum.merge(k, a, Aggregate::plus)));
        return sum;
    }

    private List<String> notes(Period period, Window w) {
        List<String> notes = new ArrayList<>();
        notes.add(def.reference().strip().replace("{debut}", w.start().format(DATE)).replace("{fin}", w.end().format(DATE)));
        if (!period.complete(dataDate)) {
            notes.add("Période en cours : activité comptée jusqu'au " + w.end().format(DATE) + ", date d'extraction.");
        }
        notes.add(REFERENCE_NOTE);
        notes.add("Source : SNE, extraction du " + dataDate.format(DATE) + ".");
        return notes;
    }

    private Map<String, Map<String, Map<String, Aggregate>>> counts(List<Window> windows, Collection<String> departements) {
        try (Connection c = root.duplicate()) {
            return GuichetBatch.counts(c, def, windows, departements);
        } catch (SQLException e) {
            throw new IllegalStateException(RAPPORT + " failed for " + windows.stream().map(Window::key).toList()
                    + " in " + departements, e);
        }
    }

    @Override
    public DemandeList demandesBehind(String indicator, String guichet, Period period, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + ": at least 1");
        }
        IndicatorColumn column = indicatorOrThrow(indicator);
        Guichet g = guichetOrThrow(guichet);
        Window w = window(period, def.periods(), false);
        IndicatorColumn listed = def.column(column.listed()).orElseThrow();
        GuichetBatch.Units units;
        try (Connection c = root.duplicate()) {
            units = GuichetBatch.units(c, def, w, g.departement(), g.code(), listed, limit);
        } catch (SQLException e) {
            throw new IllegalStateException(RAPPORT + " failed listing " + indicator + " of " + guichet, e);
        }
        List<DemandeList.Field> fields = new ArrayList<>();
        fields.add(new DemandeList.Field("numero_unique", "Numéro unique"));
        listed.details().forEach(k -> fields.add(new DemandeList.Field(k, def.detail(k).orElseThrow().label())));
        Indicator shown = indicators.stream().filter(i -> i.key().equals(column.key())).findFirst().orElseThrow();
        return new DemandeList(shown, g, period, w.start(), w.end(), dataDate, List.copyOf(fields), units.rows(),
                units.total(), units.rows().size() < units.total());
    }

    @Override
    public GuichetEvolution evolution(String guichet, Optional<String> indicator, int months) {
        Guichet g = guichetOrThrow(guichet);
        Optional<IndicatorColumn> only = indicator.map(this::indicatorOrThrow);
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Nombre de mois : de 1 à " + MAX_MONTHS + " (demandé : "
                    + months + ")");
        }
        YearMonth last = YearMonth.from(dataDate);
        List<Period> periods = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            Period p = Period.month(last.minusMonths(i));
            periods.add(p);
            windows.add(window(p, List.of(Period.Kind.MOIS), false));
        }
        Map<String, Map<String, Map<String, Aggregate>>> counts = counts(windows, List.of(g.departement()));
        List<Indicator> given = only.map(c -> indicators.stream().filter(i -> i.key().equals(c.key())).toList())
                .orElse(indicators);
        Set<String> keys = given.stream().map(Indicator::key).collect(Collectors.toCollection(LinkedHashSet::new));
        List<GuichetEvolution.Month> points = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            Map<String, Map<String, Aggregate>> byGuichet = counts.getOrDefault(w.key(), Map.of());
            Map<String, Aggregate> own = byGuichet.getOrDefault(g.code(), Map.of());
            Map<String, Aggregate> dep = sum(guichets.all().stream().filter(x -> x.departement().equals(g.departement()))
                    .map(x -> byGuichet.getOrDefault(x.code(), Map.of())).toList());
            Map<String, Double> exactOwn = GuichetFigures.exact(def, own), exactDep = GuichetFigures.exact(def, dep);
            ActivityRow row = new ActivityRow(ActivityRow.Kind.GUICHET, g.code(), g.libelle(), g.departement(),
                    only(GuichetFigures.values(def, own), keys), only(GuichetFigures.flags(def, exactOwn, exactDep), keys),
                    Set.of());
            ActivityRow reference = new ActivityRow(ActivityRow.Kind.DEPARTEMENT, g.departement(),
                    name(key(ActivityRow.Kind.DEPARTEMENT, g.departement())), g.departement(),
                    only(GuichetFigures.values(def, dep), keys), only(GuichetFigures.flags(def, exactDep, exactDep), keys),
                    Set.of());
            Period p = periods.get(i);
            points.add(new GuichetEvolution.Month(p, w.start(), w.end(), p.complete(dataDate), row, reference));
        }
        return new GuichetEvolution(g, dataDate, given, List.copyOf(points));
    }

    private static Map<String, Object> only(Map<String, Object> values, Set<String> keys) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (keys.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static Set<String> only(Set<String> flags, Set<String> keys) {
        return flags.stream().filter(keys::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- The diffusable version ----

    /**
     * The member rapports of the diffusable version of a period (GuichetTables), each protected
     * over every guichet, département and région of the data, and the guichets' memberships: what
     * the audit attacks.
     *
     * @param members   the member rapports (their total figure groups them into families)
     * @param computed  per member, its computed (exact) table of every guichet, département and région
     * @param published per member, the same tables protected
     * @param exact     per row (guichets as COMMUNE, départements, régions), its count columns' aggregates
     */
    public record Protected(List<RapportDefinition> members, List<List<ComputedTable>> computed,
                            List<List<RapportTable>> published, Map<String, Membership> memberships,
                            Map<Territoire, Map<String, Aggregate>> exact) {
    }

    /**
     * The diffusable version of a period, protected once for the whole data (so that every scope
     * shows the same pattern): the linked tables of every member rapport, families protected
     * together ({@link SecretStatistique#choosePatterns}).
     */
    public Protected protect(Period period) {
        Window w = window(period, def.diffusablePeriods(), true);
        synchronized (protectedPeriods) {
            Protected kept = protectedPeriods.get(w.key());
            if (kept != null) {
                return kept;
            }
        }
        Protected p = protect(w);
        synchronized (protectedPeriods) {
            protectedPeriods.put(w.key(), p);
        }
        return p;
    }

    private Protected protect(Window w) {
        List<String> departements = territoires.territoires(Level.DEPARTEMENT).stream().map(Territoire::code).toList();
        Map<String, Map<String, Aggregate>> counts = counts(List.of(w), departements).getOrDefault(w.key(), Map.of());
        List<Territoire> rows = new ArrayList<>();
        Map<Territoire, Map<String, Aggregate>> aggregates = new LinkedHashMap<>();
        Map<String, Membership> memberships = new TreeMap<>();
        Map<String, List<Map<String, Aggregate>>> byDepartement = new TreeMap<>(), byRegion = new TreeMap<>();
        for (Guichet g : guichets.all()) {
            Territoire t = new Territoire(Level.COMMUNE, g.code(), g.libelle());
            Map<String, Aggregate> a = counts.getOrDefault(g.code(), Map.of());
            rows.add(t);
            aggregates.put(t, a);
            memberships.put(g.code(), new Membership(null, g.departement(), g.region()));
            byDepartement.computeIfAbsent(g.departement(), k -> new ArrayList<>()).add(a);
            byRegion.computeIfAbsent(g.region(), k -> new ArrayList<>()).add(a);
        }
        byDepartement.forEach((d, parts) -> {
            Territoire t = territoires.territoire(Level.DEPARTEMENT, d).orElse(new Territoire(Level.DEPARTEMENT, d, d));
            rows.add(t);
            aggregates.put(t, sum(parts));
        });
        byRegion.forEach((reg, parts) -> {
            Territoire t = territoires.territoire(Level.REGION, reg).orElse(new Territoire(Level.REGION, reg, reg));
            rows.add(t);
            aggregates.put(t, sum(parts));
        });
        List<RapportDefinition> members = layout.members();
        List<List<ComputedTable>> computed = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            computed.add(GuichetTables.tables(def, layout, m, rows, aggregates, w.start().getYear()));
        }
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int m = 0; m < members.size(); m++) {
            String figure = members.get(m).totalFigure();
            families.computeIfAbsent(figure == null ? "#" + m : figure, k -> new ArrayList<>()).add(m);
        }
        List<List<RapportTable>> published = new ArrayList<>();
        members.forEach(m -> published.add(null));
        for (List<Integer> family : families.values()) {
            List<MaskingPattern> patterns = SecretStatistique.choosePatterns(family.stream().map(members::get).toList(),
                    family.stream().map(computed::get).toList(), memberships);
            for (int i = 0; i < family.size(); i++) {
                MaskingPattern pattern = patterns.get(i);
                published.set(family.get(i), computed.get(family.get(i)).stream()
                        .map(t -> SecretStatistique.protect(t, pattern)).toList());
            }
        }
        return new Protected(members, List.copyOf(computed), List.copyOf(published), memberships, aggregates);
    }

    @Override
    public ActivityTable diffusable(Scope scope, Period period) {
        Window w = window(period, def.diffusablePeriods(), true);
        Resolved r = resolve(scope);
        Protected p = protect(period);
        Map<String, Map<String, Aggregate>> counts = new HashMap<>();
        p.exact().forEach((t, a) -> {
            if (t.level() == Level.COMMUNE) {
                counts.put(t.code(), a);
            }
        });
        Rows rows = rows(r, w, counts, true);
        Map<RowKey, ActivityRow> references = new LinkedHashMap<>();
        rows.references().forEach((k, a) -> references.put(k, diffusableRow(p, k.kind(), k.code(), name(k),
                k.kind() == ActivityRow.Kind.DEPARTEMENT ? k.code() : null, a, a, null)));
        List<ActivityRow> listed = new ArrayList<>();
        for (Guichet g : rows.guichets()) {
            RowKey dep = key(ActivityRow.Kind.DEPARTEMENT, g.departement());
            listed.add(diffusableRow(p, ActivityRow.Kind.GUICHET, g.code(), g.libelle(), g.departement(),
                    counts.getOrDefault(g.code(), Map.of()), rows.references().get(dep), references.get(dep)));
        }
        List<String> notes = notes(period, w);
        notes.add(SecretStatistique.NOTE);
        notes.add(DIFFUSABLE_NOTE);
        return new ActivityTable(def.rapport(), scope, r.name(), period, w.start(), w.end(), true, dataDate, true,
                indicators, List.copyOf(listed), List.copyOf(references.values()), List.copyOf(notes));
    }

    /**
     * A row of the diffusable version: each value read from the protected member tables (null and
     * listed when masked), the exact flags kept where every cell they read is shown.
     *
     * @param reference the row's reference line as published (null: the row is a reference line itself)
     */
    private ActivityRow diffusableRow(Protected p, ActivityRow.Kind kind, String code, String name, String departement,
                                      Map<String, Aggregate> own, Map<String, Aggregate> referenceAggregates,
                                      ActivityRow reference) {
        Level level = switch (kind) {
            case GUICHET -> Level.COMMUNE;
            case DEPARTEMENT -> Level.DEPARTEMENT;
            case REGION -> Level.REGION;
        };
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> masked = new LinkedHashSet<>();
        for (IndicatorColumn c : def.columns()) {
            Place place = layout.places().get(c.key());
            RapportTable table = p.published().get(place.member()).stream()
                    .filter(t -> t.territoire().level() == level && t.territoire().code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No protected table for " + level + " " + code));
            Map<String, Object> line = place.line().equals(ComputedTable.TOTAL_KEY) ? table.total()
                    : table.lines().stream().filter(l -> place.line().equals(l.get("cle"))).findFirst().orElseThrow();
            if (table.mask(line, place.column())) {
                masked.add(c.key());
            }
            values.put(c.key(), line.get(place.column()));
        }
        Map<String, Double> exact = GuichetFigures.exact(def, own);
        Set<String> flags = GuichetFigures.flags(def, exact, GuichetFigures.exact(def, referenceAggregates));
        Set<String> shownFlags = new LinkedHashSet<>();
        for (String f : flags) {
            boolean shown = GuichetFigures.flagInputs(def.column(f).orElseThrow()).stream().allMatch(input ->
                    !(input.getKey() ? (reference == null ? masked : reference.masked()) : masked).contains(input.getValue()));
            if (shown) {
                shownFlags.add(f);
            }
        }
        return new ActivityRow(kind, code, name, departement, values, shownFlags, masked);
    }

    @Override
    public void close() {
        close(root);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close DuckDB", e);
            }
        }
    }
}
