package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.DoublonDemande;
import fr.infocentre.warehouse.DoublonField;
import fr.infocentre.warehouse.DoublonGroup;
import fr.infocentre.warehouse.DoublonGuichet;
import fr.infocentre.warehouse.DoublonReport;
import fr.infocentre.warehouse.DoublonsDiffusables;
import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.Guichet;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Semestre;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.engine.ComputedTable.Line;
import fr.infocentre.warehouse.engine.ComputedTable.Value;
import fr.infocentre.warehouse.engine.LevelBatch;
import fr.infocentre.warehouse.engine.RapportEngine;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.secret.MaskingPattern;
import fr.infocentre.warehouse.secret.SecretStatistique;
import fr.infocentre.warehouse.storage.Guichets;
import fr.infocentre.warehouse.storage.Millesimes;
import fr.infocentre.warehouse.storage.ParquetViews;
import fr.infocentre.warehouse.storage.Territoires;
import fr.infocentre.warehouse.storage.Territoires.Membership;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link DoublonsEtBilans} over an in-memory DuckDB database holding views on one version's Parquet files, with the
 * main catalogue's macros (as {@link DuckDbGuichetActivity} opens it) and the bilan's own catalogue
 * ({@value #BILAN_CATALOGUE}: TAB07-01, the key figures). Each request runs on a connection duplicated from the
 * root one; the protected tables of the last semesters asked are kept (the version never changes under an open
 * instance).
 */
public final class DuckDbDoublonsEtBilans implements DoublonsEtBilans, AutoCloseable {

    /** The classpath folder of the bilan's catalogue. */
    public static final String BILAN_CATALOGUE = "/bilan";
    /** The key figures. */
    public static final String CHIFFRES_CLES = "TAB07-01";
    /** Rapport 06's column of doublons potentiels actifs (indicator 16). */
    static final String INDICATOR_16 = "doublons_potentiels";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int KEPT = 4;

    /** The fields compared within a group, in display order. */
    static final List<DoublonField> FIELDS = List.of(
            new DoublonField("code_guichet", "Guichet de rattachement"),
            new DoublonField("canal", "Canal de dépôt"),
            new DoublonField("date_depot", "Date de dépôt"),
            new DoublonField("date_enregistrement", "Date d'enregistrement"),
            new DoublonField("date_renouvellement", "Dernier renouvellement"),
            new DoublonField("date_modification", "Dernière modification"),
            new DoublonField("communes_souhaitees", "Communes souhaitées"),
            new DoublonField("commune_residence", "Commune de résidence"),
            new DoublonField("personne_morale", "Personne morale"),
            new DoublonField("annee_naissance", "Année de naissance"),
            new DoublonField("sexe", "Sexe"),
            new DoublonField("nationalite", "Nationalité"),
            new DoublonField("situation_familiale", "Situation familiale"),
            new DoublonField("co_demandeur", "Co-demandeur"),
            new DoublonField("taille_menage", "Personnes à loger"),
            new DoublonField("nb_enfants", "Enfants à charge"),
            new DoublonField("situation_professionnelle", "Situation professionnelle"),
            new DoublonField("revenu_mensuel", "Revenus mensuels (€)"),
            new DoublonField("revenu_fiscal_reference", "Revenu fiscal de référence (€)"),
            new DoublonField("logement_actuel", "Logement actuel"),
            new DoublonField("motif", "Motif de la demande"),
            new DoublonField("typologie", "Typologie souhaitée"),
            new DoublonField("handicap", "Handicap"),
            new DoublonField("dalo", "DALO"),
            new DoublonField("prioritaire", "Prioritaire"),
            new DoublonField("nb_pieces", "Pièces justificatives"),
            new DoublonField("doublon_force", "Doublon forcé"));

    static final String DEFINITION_NOTE = "Doublons potentiels : demandes actives le même jour d'un même demandeur"
            + " (même id_demandeur, clé pseudonyme de son identité) dont la commune de premier choix est dans le même"
            + " département (rapport 06, indicateur 16). Chaque demande compte pour son guichet de rattachement.";

    /**
     * The demandes active on day {@code $1} in a group — several of them with the same id_demandeur and first-choice
     * communes in the same département — located in the département {@code $2} or rattachées to one of its guichets,
     * with the département of their guichet (NULL outside the data's perimeter). The attributes are those of each
     * demande's version valid that day, as in rapport 06.
     */
    private static final String MEMBERS = """
            WITH actives AS (
                SELECT d.*, c.code_departement AS departement_demande
                FROM periodes p
                JOIN demandes_versions d
                  ON d.numero_unique = p.numero_unique
                 AND version_valid_on(d.premiere_version, d.valide_du, d.valide_au, CAST($1 AS DATE))
                JOIN communes c ON c.code_commune = d.commune_premier_choix
                WHERE active_on(p.debut, p.fin, CAST($1 AS DATE)) AND d.id_demandeur IS NOT NULL
            ),
            groupes AS (
                SELECT id_demandeur, departement_demande FROM actives GROUP BY ALL HAVING count(*) >= 2
            )
            SELECT a.*, g.code_departement AS departement_guichet
            FROM actives a
            JOIN groupes USING (id_demandeur, departement_demande)
            LEFT JOIN guichets_geo() g ON g.code_guichet = a.code_guichet
            WHERE a.departement_demande = $2 OR g.code_departement = $2
            """;

    /** Per guichet, its demandes active on day {@code $1} in a group (rapport 06's indicator 16 that day). */
    private static final String COUNTS = MEMBERS.substring(0, MEMBERS.indexOf("SELECT a.*, g.code_departement"))
            + "SELECT a.code_guichet, count(*) AS n FROM actives a JOIN groupes USING (id_demandeur, departement_demande)"
            + " GROUP BY a.code_guichet\n";

    private final DuckDBConnection root;
    private final ServedVersion version;
    private final GuichetActivity activity;
    private final RapportDefinition chiffresCles;
    private final Territoires territoires;
    private final Guichets guichets;
    private final LocalDate dataDate;
    private final LocalDate coveredFrom;
    private final LocalDate firstVersion;
    private final Map<String, SemesterFigures> keyFigures = lru();
    private final Map<String, Map<String, DoublonsDiffusables>> doublonCounts = lru();

    private DuckDbDoublonsEtBilans(DuckDBConnection root, ServedVersion version, GuichetActivity activity,
                                   RapportDefinition chiffresCles, Territoires territoires, Guichets guichets,
                                   LocalDate coveredFrom, LocalDate firstVersion) {
        this.root = root;
        this.version = version;
        this.activity = activity;
        this.chiffresCles = chiffresCles;
        this.territoires = territoires;
        this.guichets = guichets;
        this.dataDate = version.load().dateExtraction();
        this.coveredFrom = coveredFrom == null ? dataDate.withDayOfYear(1) : coveredFrom;
        this.firstVersion = firstVersion == null ? dataDate : firstVersion;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    /**
     * Opens the doublons and bilans over a version (the one {@code activity} serves: rapport 06 gives the doublons
     * of a 31 December).
     */
    public static DuckDbDoublonsEtBilans open(ServedVersion version, GuichetActivity activity) {
        return open(version, activity, Catalogue.load(), Catalogue.fromClasspath(BILAN_CATALOGUE));
    }

    /** The same over catalogues of one's own (tests): the main one's macros, and the bilan's TAB07-01. */
    public static DuckDbDoublonsEtBilans open(ServedVersion version, GuichetActivity activity, Catalogue catalogue,
                                              Catalogue bilan) {
        RapportDefinition def = bilan.definition(CHIFFRES_CLES).orElseThrow(() -> new IllegalStateException(
                "The bilan's catalogue declares no rapport " + CHIFFRES_CLES));
        DuckDBConnection root = null;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            ParquetViews.create(root, version);
            catalogue.createMacros(root);
            bilan.createMacros(root);
            LocalDate firstVersion;
            try (Statement st = root.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT min(valide_du) FROM demandes_versions")) {
                rs.next();
                java.sql.Date d = rs.getDate(1);
                firstVersion = d == null ? null : d.toLocalDate();
            }
            return new DuckDbDoublonsEtBilans(root, version, activity, def, Territoires.load(root, version),
                    Guichets.load(root, version), Millesimes.historyStart(root, version), firstVersion);
        } catch (SQLException e) {
            close(root);
            throw new IllegalStateException("Cannot open the warehouse version " + version.directory(), e);
        } catch (RuntimeException e) {
            close(root);
            throw e;
        }
    }

    @Override
    public LocalDate dataDate() {
        return dataDate;
    }

    /** The name of the version read. */
    public String version() {
        return version.name();
    }

    private Territoire departementOrThrow(String code) {
        return territoires.territoire(Level.DEPARTEMENT, code == null ? "" : code.strip()).orElseThrow(() ->
                new InvalidRequest(Cause.UNKNOWN_TERRITOIRE, "Département inconnu ou hors des données : " + code));
    }

    // ---- Doublons ----

    /** A demande of a group, as read: the département of its first choice and of its guichet. */
    private record Member(String idDemandeur, String departement, String departementGuichet, DoublonDemande demande) {
    }

    /** The members of the groups located in the département or holding a demande of one of its guichets. */
    private List<Member> members(LocalDate day, String departement) {
        List<Member> members = new ArrayList<>();
        try (Connection c = root.duplicate(); PreparedStatement st = c.prepareStatement(MEMBERS)) {
            st.setString(1, day.toString());
            st.setString(2, departement);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (DoublonField f : FIELDS) {
                        values.put(f.key(), value(rs.getObject(f.key())));
                    }
                    String code = rs.getString("code_guichet");
                    Guichet g = guichets.guichet(code).orElse(new Guichet(code, null, null, null, null, null, null, null));
                    members.add(new Member(rs.getString("id_demandeur"), rs.getString("departement_demande"),
                            rs.getString("departement_guichet"), new DoublonDemande(rs.getString("numero_unique"), g,
                            java.util.Collections.unmodifiableMap(values))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Doublons failed on " + day, e);
        }
        return members;
    }

    private static Object value(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o;
    }

    @Override
    public DoublonReport doublons(String departement, String guichet, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + ": at least 1");
        }
        Territoire dep = departementOrThrow(departement);
        List<Member> members = members(dataDate, dep.code());
        Map<String, List<Member>> byGroup = new TreeMap<>();
        Map<String, Long> inDepartement = new TreeMap<>();
        Map<String, Long> inOthers = new TreeMap<>();
        for (Member m : members) {
            String code = m.demande().guichet().code();
            if (dep.code().equals(m.departement())) {
                byGroup.computeIfAbsent(m.idDemandeur(), k -> new ArrayList<>()).add(m);
                inDepartement.merge(code, 1L, Long::sum);
            } else if (dep.code().equals(m.departementGuichet())) {
                inOthers.merge(code, 1L, Long::sum);
            }
        }
        List<DoublonGroup> all = new ArrayList<>();
        byGroup.forEach((id, ms) -> {
            List<DoublonDemande> demandes = ms.stream().map(Member::demande)
                    .sorted(Comparator.comparing(DoublonDemande::numeroUnique)).toList();
            List<String> differing = FIELDS.stream().map(DoublonField::key).filter(k -> demandes.stream()
                    .map(d -> d.value(k)).distinct().count() > 1).toList();
            List<String> codes = List.copyOf(demandes.stream().map(d -> d.guichet().code())
                    .collect(Collectors.toCollection(TreeSet::new)));
            all.add(new DoublonGroup(id, dep.code(), demandes, differing, codes));
        });
        List<DoublonGroup> asked = all.stream()
                .filter(g -> guichet == null || guichet.isBlank() || g.guichets().contains(guichet.strip()))
                .sorted(Comparator.comparing((DoublonGroup g) -> !g.severalGuichets())
                        .thenComparing(g -> -g.demandes().size()).thenComparing(DoublonGroup::idDemandeur))
                .toList();
        List<DoublonGroup> listed = new ArrayList<>();
        int rows = 0;
        for (DoublonGroup g : asked) {
            if (rows + g.demandes().size() > limit) {
                break;
            }
            listed.add(g);
            rows += g.demandes().size();
        }
        int total = asked.stream().mapToInt(g -> g.demandes().size()).sum();
        List<DoublonGuichet> counts = new ArrayList<>();
        Set<String> own = new TreeSet<>();
        inDepartement.keySet().forEach(own::add);
        inOthers.keySet().forEach(own::add);
        for (String code : own) {
            Guichet g = guichets.guichet(code).orElse(new Guichet(code, null, null, null, null, null, null, null));
            if (dep.code().equals(g.departement())) {
                counts.add(new DoublonGuichet(g, inDepartement.getOrDefault(code, 0L), inOthers.getOrDefault(code, 0L)));
            }
        }
        for (String code : inDepartement.keySet()) {
            Guichet g = guichets.guichet(code).orElse(new Guichet(code, null, null, null, null, null, null, null));
            if (!dep.code().equals(g.departement())) {
                counts.add(new DoublonGuichet(g, inDepartement.get(code), null));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(DEFINITION_NOTE);
        notes.add("Demandes actives le " + dataDate.format(DATE) + ", date d'extraction ; caractéristiques telles que"
                + " connues à cette date.");
        notes.add("Par guichet : ses demandes dans les groupes du département et, pour un guichet du département, celles"
                + " dont le premier choix est dans un autre département (groupes de cet autre département) ; leur somme"
                + " est l'indicateur 16 du rapport 06 à la même date.");
        notes.add("Données nominatives exactes, réservées aux gestionnaires habilités ; chaque consultation est"
                + " enregistrée dans le journal d'audit.");
        notes.add("Source : SNE, extraction du " + dataDate.format(DATE) + ".");
        Guichet filter = guichet == null || guichet.isBlank() ? null : guichets.guichet(guichet.strip())
                .orElse(new Guichet(guichet.strip(), null, null, null, null, null, null, null));
        return new DoublonReport(dep, dataDate, filter, FIELDS, List.copyOf(listed), asked.size(), total,
                listed.size() < asked.size(), List.copyOf(counts), List.copyOf(notes));
    }

    // ---- Semesters ----

    @Override
    public Semestre semestre(String key) {
        Semestre s = Semestre.parse(key);
        if (!s.endedBy(dataDate)) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Semestre " + s.key() + " non achevé : les données"
                    + " s'arrêtent à l'extraction du " + dataDate.format(DATE) + " (le bilan porte sur un semestre"
                    + " achevé ; dernier semestre achevé : " + Semestre.of(dataDate).minus(1).key() + ")");
        }
        if (s.start().isBefore(coveredFrom)) {
            throw new InvalidRequest(Cause.INVALID_PERIOD, "Semestre " + s.key() + " non couvert : l'historique"
                    + " conservé commence le " + coveredFrom.format(DATE));
        }
        return s;
    }

    @Override
    public List<Semestre> semestres() {
        List<Semestre> list = new ArrayList<>();
        for (Semestre s = Semestre.of(dataDate).minus(1); !s.start().isBefore(coveredFrom); s = s.minus(1)) {
            if (s.endedBy(dataDate)) {
                list.add(s);
            }
        }
        return List.copyOf(list);
    }

    private boolean covered(Semestre s) {
        return !s.start().isBefore(coveredFrom);
    }

    // ---- Key figures ----

    /** The bilan's column of each semester of a table: this one, the previous one, the same one a year before. */
    private static final List<String> SEMESTER_COLUMNS = List.of("semestre", "semestre_precedent", "un_an_avant");

    /**
     * A semester's key figures: the département tables of TAB07-01 computed for it (exact; its own column and those
     * of the two semesters before it), and the count cells of its own column the protection step masks, per
     * département (line keys).
     */
    private record SemesterFigures(Map<String, ComputedTable> departements, Map<String, Set<String>> masked) {
    }

    @Override
    public RapportTable chiffresCles(String departement, Semestre semestre) {
        Territoire dep = departementOrThrow(departement);
        Semestre s = semestre(semestre.key());
        ComputedTable full = figures(s).departements().get(dep.code());
        // the columns of the semesters the data covers, labelled with their semester
        Map<String, String> labels = new LinkedHashMap<>();
        Set<RapportTable.Mask> masks = new java.util.HashSet<>();
        for (int k = 0; k < SEMESTER_COLUMNS.size(); k++) {
            Semestre x = s.minus(k);
            if (covered(x)) {
                labels.put(SEMESTER_COLUMNS.get(k), k == 2 ? x.label() + " (un an avant)" : x.label());
                String column = SEMESTER_COLUMNS.get(k);
                figures(x).masked().getOrDefault(dep.code(), Set.of())
                        .forEach(line -> masks.add(new RapportTable.Mask(line, column)));
            }
        }
        if (covered(s.minus(1))) {
            labels.put("evolution_semestre", "Évolution sur un semestre (%)");
        }
        if (covered(s.minus(2))) {
            labels.put("evolution_un_an", "Évolution sur un an (%)");
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(RapportEngine.LABEL_COLUMN, chiffresCles.dimension().header(), Column.Type.LABEL));
        for (DeclaredColumn c : chiffresCles.columns()) {
            if (labels.containsKey(c.key())) {
                columns.add(new Column(c.key(), labels.get(c.key()), c.type()));
            }
        }
        ComputedTable table = new ComputedTable(chiffresCles.rapport(), full.territoire(), s.year(), List.copyOf(columns),
                full.lines().stream().map(l -> only(l, labels.keySet())).toList(), only(full.total(), labels.keySet()),
                false, keyFigureNotes(s));
        // each semester's counts keep the status the protection step gave them in that semester's own column, so
        // that the bilans of successive semesters, which repeat them, show the same cells and mask the same ones
        return SecretStatistique.protect(table, masks);
    }

    /** A semester's figures, computed and protected once (kept for the last semesters asked). */
    private SemesterFigures figures(Semestre x) {
        synchronized (keyFigures) {
            SemesterFigures kept = keyFigures.get(x.key());
            if (kept != null) {
                return kept;
            }
        }
        SemesterFigures f = computeFigures(x);
        synchronized (keyFigures) {
            keyFigures.put(x.key(), f);
        }
        return f;
    }

    /**
     * TAB07-01 for a semester, every département and commune of the data in one pass ({@link LevelBatch}); its own
     * column protected over them (the départements published, their communes the hidden leaves).
     */
    private SemesterFigures computeFigures(Semestre x) {
        List<ComputedTable> computed = new ArrayList<>();
        Map<Level, List<Territoire>> byLevel = new LinkedHashMap<>();
        byLevel.put(Level.DEPARTEMENT, territoires.territoires(Level.DEPARTEMENT));
        byLevel.put(Level.COMMUNE, territoires.territoires(Level.COMMUNE));
        try (Connection c = root.duplicate()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET VARIABLE semestre = " + x.half());
            }
            RapportEngine engine = RapportEngine.open(c, version, List.of(x.year()));
            new LevelBatch(engine).compute(c, chiffresCles, byLevel, x.year(), computed::add);
        } catch (SQLException e) {
            throw new IllegalStateException(CHIFFRES_CLES + " failed for " + x.key(), e);
        }
        String own = SEMESTER_COLUMNS.get(0);
        List<DeclaredColumn> ownColumn = chiffresCles.columns().stream().filter(c -> c.key().equals(own)).toList();
        RapportDefinition def = new RapportDefinition(chiffresCles.rapport(), chiffresCles.dimension(), ownColumn, false,
                chiffresCles.reference(), chiffresCles.horsAssociations(), chiffresCles.sql(), null, null, List.of());
        List<Column> columns = List.of(new Column(RapportEngine.LABEL_COLUMN, def.dimension().header(), Column.Type.LABEL),
                new Column(own, x.label(), Column.Type.COUNT));
        List<ComputedTable> tables = computed.stream().map(t -> new ComputedTable(t.rapport(), t.territoire(), x.year(),
                columns, t.lines().stream().map(l -> only(l, Set.of(own))).toList(), only(t.total(), Set.of(own)), false,
                List.of())).toList();
        MaskingPattern pattern = SecretStatistique.choosePattern(def, tables, territoires.memberships());
        Map<String, ComputedTable> departements = new HashMap<>();
        Map<String, Set<String>> masked = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            ComputedTable t = tables.get(i);
            if (t.territoire().level() == Level.DEPARTEMENT) {
                departements.put(t.territoire().code(), computed.get(i));
                masked.put(t.territoire().code(), SecretStatistique.protect(t, pattern).masks().stream()
                        .map(RapportTable.Mask::line).collect(Collectors.toUnmodifiableSet()));
            }
        }
        return new SemesterFigures(departements, masked);
    }

    private static Line only(Line line, Set<String> columns) {
        Map<String, Value> values = new LinkedHashMap<>();
        line.values().forEach((k, v) -> {
            if (columns.contains(k)) {
                values.put(k, v);
            }
        });
        return new Line(line.key(), line.label(), values);
    }

    private List<String> keyFigureNotes(Semestre s) {
        List<String> notes = new ArrayList<>();
        List<Semestre> shown = new ArrayList<>(List.of(s));
        List<Semestre> missing = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            (covered(s.minus(k)) ? shown : missing).add(s.minus(k));
        }
        notes.add("Mouvements du " + s.longLabel() + (shown.size() > 1
                ? ", à côté de ceux du " + shown.subList(1, shown.size()).stream().map(Semestre::longLabel)
                .collect(Collectors.joining(" et du ")) : "") + ". Demandes actives : la veille du premier jour et le"
                + " dernier jour de chaque semestre.");
        for (Semestre m : missing) {
            notes.add("Le " + m.label() + " n'est pas couvert par les données (historique conservé à partir du "
                    + coveredFrom.format(DATE) + ") : sa colonne et l'évolution qui s'y rapporte ne sont pas données.");
        }
        Semestre earliest = shown.get(shown.size() - 1);
        if (firstVersion.isAfter(earliest.end())) {
            notes.add("Caractéristiques des demandes (commune de premier choix, personne morale) : les plus anciennes que"
                    + " conserve l'infocentre sont celles de l'extraction du " + firstVersion.format(DATE)
                    + ", postérieure à la fin d'un semestre du tableau ; elles tiennent lieu de celles de cette date.");
        }
        notes.add("Chaque demande est localisée par sa commune de premier choix, connue le dernier jour du semestre.");
        notes.add("Hors associations : les demandes déposées par une personne morale ne sont pas comptées.");
        notes.add("Source : SNE, extraction du " + dataDate.format(DATE) + ".");
        return List.copyOf(notes);
    }

    // ---- Doublons counts for the bilan ----

    @Override
    public DoublonsDiffusables doublonsDiffusables(String departement, Semestre semestre) {
        Territoire dep = departementOrThrow(departement);
        Semestre s = semestre(semestre.key());
        if (s.half() == 2) {
            return fromRapport06(dep, s); // rapport 06 keeps its protected periods
        }
        Map<String, DoublonsDiffusables> all;
        synchronized (doublonCounts) {
            all = doublonCounts.get(s.key());
        }
        if (all == null) {
            all = protectDoublons(s);
            synchronized (doublonCounts) {
                doublonCounts.put(s.key(), all);
            }
        }
        DoublonsDiffusables d = all.get(dep.code());
        if (d == null) { // a département without any guichet: its line alone, 0
            d = new DoublonsDiffusables(dep, s.end(), List.of(), new DoublonsDiffusables.Row(dep.code(), dep.name(), 0L,
                    false), doublonNotes(s, false));
        }
        return d;
    }

    /** On 31 December: the column of rapport 06's diffusable version of the year. */
    private DoublonsDiffusables fromRapport06(Territoire dep, Semestre s) {
        ActivityTable table = activity.diffusable(Scope.departement(dep.code()), Period.year(s.year()));
        List<DoublonsDiffusables.Row> rows = table.guichets().stream().map(r -> row(r, r.name())).toList();
        ActivityRow total = table.reference(ActivityRow.Kind.DEPARTEMENT, dep.code()).orElseThrow();
        return new DoublonsDiffusables(dep, s.end(), rows, row(total, dep.name()), doublonNotes(s, true));
    }

    private static DoublonsDiffusables.Row row(ActivityRow r, String name) {
        Object v = r.value(INDICATOR_16);
        return new DoublonsDiffusables.Row(r.code(), name, r.masked(INDICATOR_16) || v == null ? null
                : ((Number) v).longValue(), r.masked(INDICATOR_16));
    }

    /**
     * On 30 June: indicator 16 of every guichet of the data that day, laid out as linked tables (the guichets as
     * leaves, each département the sum of its guichets) and protected by the one protection step.
     */
    private Map<String, DoublonsDiffusables> protectDoublons(Semestre s) {
        Map<String, Long> byGuichet = new HashMap<>();
        try (Connection c = root.duplicate(); PreparedStatement st = c.prepareStatement(COUNTS)) {
            st.setString(1, s.end().toString());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byGuichet.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Doublons failed on " + s.end(), e);
        }
        String key = INDICATOR_16;
        Rapport rapport = new Rapport("TAB06-01/" + key, "06", "Doublons potentiels actifs", "", "guichet",
                List.of(Level.DEPARTEMENT, Level.COMMUNE), "bar");
        RapportDefinition def = new RapportDefinition(rapport, new Dimension("Guichet", "guichet",
                List.of(new Category(key, "Doublons potentiels actifs", null)), null),
                List.of(new DeclaredColumn("n", "Effectif", null, null, null, false, null, null)), false, "", false, "",
                null, null, List.of());
        List<Column> columns = List.of(new Column(RapportEngine.LABEL_COLUMN, "Guichet", Column.Type.LABEL),
                new Column("n", "Effectif", Column.Type.COUNT));
        List<ComputedTable> tables = new ArrayList<>();
        Map<String, Membership> memberships = new TreeMap<>();
        Map<String, Long> byDepartement = new TreeMap<>();
        for (Guichet g : guichets.all()) {
            long n = byGuichet.getOrDefault(g.code(), 0L);
            tables.add(table(rapport, new Territoire(Level.COMMUNE, g.code(), g.libelle()), s, columns, key, n));
            memberships.put(g.code(), new Membership(null, g.departement(), g.region()));
            byDepartement.merge(g.departement(), n, Long::sum);
        }
        byDepartement.forEach((d, n) -> tables.add(table(rapport, territoires.territoire(Level.DEPARTEMENT, d)
                .orElse(new Territoire(Level.DEPARTEMENT, d, d)), s, columns, key, n)));
        MaskingPattern pattern = SecretStatistique.choosePattern(def, tables, memberships);
        Map<String, List<DoublonsDiffusables.Row>> rows = new TreeMap<>();
        Map<String, DoublonsDiffusables.Row> totals = new TreeMap<>();
        for (ComputedTable t : tables) {
            RapportTable p = SecretStatistique.protect(t, pattern);
            Map<String, Object> line = p.lines().get(0);
            boolean masked = p.mask(line, "n");
            Object v = line.get("n");
            DoublonsDiffusables.Row r = new DoublonsDiffusables.Row(t.territoire().code(), t.territoire().name(),
                    masked || v == null ? null : ((Number) v).longValue(), masked);
            if (t.territoire().level() == Level.COMMUNE) {
                rows.computeIfAbsent(guichets.guichet(t.territoire().code()).orElseThrow().departement(),
                        k -> new ArrayList<>()).add(r);
            } else {
                totals.put(t.territoire().code(), r);
            }
        }
        Map<String, DoublonsDiffusables> result = new HashMap<>();
        totals.forEach((d, total) -> result.put(d, new DoublonsDiffusables(territoires.territoire(Level.DEPARTEMENT, d)
                .orElse(new Territoire(Level.DEPARTEMENT, d, d)), s.end(), List.copyOf(rows.getOrDefault(d, List.of())),
                total, doublonNotes(s, false))));
        return result;
    }

    private static ComputedTable table(Rapport rapport, Territoire t, Semestre s, List<Column> columns, String key, long n) {
        Line line = new Line(key, "Doublons potentiels actifs", Map.of("n", new Count(n)));
        Line total = new Line(ComputedTable.TOTAL_KEY, "Total", Map.of("n", new Count(n)));
        return new ComputedTable(rapport, t, s.year(), columns, List.of(line), total, false, List.of());
    }

    private List<String> doublonNotes(Semestre s, boolean fromRapport06) {
        List<String> notes = new ArrayList<>();
        notes.add(DEFINITION_NOTE);
        notes.add("Demandes actives le " + s.end().format(DATE) + ", dernier jour du " + s.label() + ".");
        notes.add(fromRapport06
                ? "Ce sont les chiffres de l'indicateur 16 de la version diffusable du rapport 06 de l'année " + s.year()
                + " (mêmes cases masquées)."
                : "Secret statistique appliqué par le même traitement que les rapports publics : chaque guichet est une"
                + " partie de son département, de sorte qu'aucun effectif masqué ne se déduise de la ligne du département.");
        notes.add(SecretStatistique.NOTE);
        notes.add("Source : SNE, extraction du " + dataDate.format(DATE) + ".");
        return List.copyOf(notes);
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
