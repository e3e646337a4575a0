package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Series.Visibility;
import fr.infocentre.warehouse.catalogue.Declarations.CatalogueDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.RapportDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.SeriesDeclaration;
import fr.infocentre.warehouse.catalogue.DeclaredDimension.Checker;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension;
import fr.infocentre.warehouse.catalogue.RapportDefinition.LineFigure;
import fr.infocentre.warehouse.catalogue.RapportDefinition.SameFigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rapports declared as data in a catalogue folder (the classpath folder {@code rapports/}):
 * {@code catalogue.yaml} (the series, their visibility, the rapports in publication order), one
 * {@code <id>.yaml} and one {@code <id>.sql} per rapport, the dimensions
 * ({@code dimensions/<name>.yaml}, each generating the SQL macro of its mapping) and the SQL
 * helpers ({@code macros.sql}). The format: docs/catalogue.md.
 * <p>
 * Every declaration is checked when the catalogue loads: a mistake fails the load with an
 * {@link InvalidCatalogue} naming the file and the field.
 */
public final class Catalogue {

    /** The chart types the site draws (site/src/main/resources/site/static/js/chart.js). */
    public static final List<String> CHART_TYPES = List.of("bar", "stacked-bar", "line", "pie");

    /**
     * The line of macros.sql where the dimensions' macros are created: the helpers above it may be
     * used by the dimensions' conditions, those below it may use the dimensions' macros.
     */
    public static final String DIMENSION_MACROS = "-- ==== The dimensions' macros (generated from dimensions/*.yaml) ====";

    private static final Pattern RAPPORT_FILE = Pattern.compile("(.+?)(\\.stats)?\\.(yaml|sql)");
    private static final Pattern MACRO_CALL = Pattern.compile("\\b(" + DeclaredDimension.MACRO_PREFIX + "[a-z0-9_]+)\\s*\\(");

    private final List<Series> series;
    private final Map<String, RapportDefinition> definitions;
    private final Map<String, GuichetRapportDefinition> guichetDefinitions;
    private final List<DeclaredDimension> dimensions;
    private final String macrosBefore;
    private final String macrosAfter;

    private Catalogue(List<Series> series, Map<String, RapportDefinition> definitions,
                      Map<String, GuichetRapportDefinition> guichetDefinitions,
                      List<DeclaredDimension> dimensions, String macrosBefore, String macrosAfter) {
        this.series = List.copyOf(series);
        this.definitions = definitions;
        this.guichetDefinitions = guichetDefinitions;
        this.dimensions = List.copyOf(dimensions);
        this.macrosBefore = macrosBefore;
        this.macrosAfter = macrosAfter;
    }

    /** The catalogue of the application: the classpath folder {@code rapports/}. */
    public static Catalogue load() {
        return fromClasspath("/rapports");
    }

    /** The catalogue held by a classpath folder ("/rapports"; tests load their own). */
    public static Catalogue fromClasspath(String root) {
        return load(CatalogueFiles.ofClasspath(root));
    }

    /** The catalogue held by a folder on disk. */
    public static Catalogue load(Path folder) {
        return load(CatalogueFiles.of(folder));
    }

    private static Catalogue load(CatalogueFiles files) {
        CatalogueDeclaration declared = files.yaml("catalogue.yaml", CatalogueDeclaration.class);
        Checker check = new Checker(files, "catalogue.yaml");
        Map<String, Series> series = series(check, declared);
        check.nonEmpty(declared.rapports(), "rapports");

        String macros = files.text("macros.sql").orElseThrow(() -> files.error("macros.sql", null, "missing file"));
        int marker = macros.indexOf(DIMENSION_MACROS);
        if (marker < 0 || macros.indexOf(DIMENSION_MACROS, marker + 1) >= 0) {
            throw files.error("macros.sql", null, "needs the line \"" + DIMENSION_MACROS
                    + "\" once, where the dimensions' macros are created");
        }
        Map<String, DeclaredDimension> dimensions = new LinkedHashMap<>();
        for (String name : files.in("dimensions").keySet()) {
            if (!name.endsWith(".yaml")) {
                throw files.error("dimensions/" + name, null, "a dimension is a .yaml file");
            }
            String dimension = name.substring(0, name.length() - ".yaml".length());
            dimensions.put(dimension, DeclaredDimension.read(files, dimension));
        }

        Map<String, RapportDefinition> definitions = new LinkedHashMap<>();
        Map<String, GuichetRapportDefinition> guichetDefinitions = new LinkedHashMap<>();
        for (int i = 0; i < declared.rapports().size(); i++) {
            String id = declared.rapports().get(i);
            String at = "rapports[" + i + "]";
            check.required(id, at);
            if (definitions.containsKey(id) || guichetDefinitions.containsKey(id)) {
                throw check.error(at, id + " listed twice");
            }
            for (String file : List.of(id + ".yaml", id + ".sql")) {
                if (!files.exists(file)) {
                    throw check.error(at, id + " has no " + file);
                }
            }
            if (files.hasKey(id + ".yaml", "rows")) {
                guichetDefinitions.put(id, GuichetRapports.read(files, id, series));
            } else {
                definitions.put(id, rapport(files, id, series, dimensions));
            }
        }
        checkSameFigureTargets(files, definitions);
        for (String file : files.in("").keySet()) {
            Matcher m = RAPPORT_FILE.matcher(file);
            if (m.matches() && !file.equals("catalogue.yaml") && !file.equals("macros.sql")
                    && !definitions.containsKey(m.group(1)) && !guichetDefinitions.containsKey(m.group(1))) {
                throw files.error(file, null, "not listed in catalogue.yaml (field rapports)");
            }
        }
        Set<String> generated = dimensions.values().stream().filter(d -> d.macro != null)
                .map(d -> DeclaredDimension.macroName(d.name)).collect(Collectors.toSet());
        Map<String, String> sqlFiles = new LinkedHashMap<>();
        sqlFiles.put("macros.sql", macros);
        for (RapportDefinition def : definitions.values()) {
            sqlFiles.put(def.rapport().id() + ".sql", def.sql());
            if (def.statisticsSql() != null) {
                sqlFiles.put(def.rapport().id() + ".stats.sql", def.statisticsSql());
            }
        }
        for (GuichetRapportDefinition def : guichetDefinitions.values()) {
            sqlFiles.put(def.rapport().id() + ".sql", def.sql());
        }
        sqlFiles.forEach((file, sql) -> {
            Matcher m = MACRO_CALL.matcher(sql);
            while (m.find()) {
                if (!generated.contains(m.group(1))) {
                    throw files.error(file, null, "calls " + m.group(1) + ", which no dimension generates (a dimension"
                            + " dimensions/<name>.yaml with an input generates categorie_<name>)");
                }
            }
        });
        return new Catalogue(List.copyOf(series.values()), definitions, guichetDefinitions,
                List.copyOf(dimensions.values()), macros.substring(0, marker), macros.substring(marker));
    }

    private static Map<String, Series> series(Checker check, CatalogueDeclaration declared) {
        check.nonEmpty(declared.series(), "series");
        Map<String, Series> series = new LinkedHashMap<>();
        for (int i = 0; i < declared.series().size(); i++) {
            SeriesDeclaration s = declared.series().get(i);
            String at = "series[" + i + "]";
            if (s == null) {
                throw check.error(at, "empty series");
            }
            check.required(s.id(), at + ".id");
            check.required(s.name(), at + ".name");
            check.required(s.visibility(), at + ".visibility");
            Visibility visibility = Arrays.stream(Visibility.values()).filter(v -> v.key().equals(s.visibility()))
                    .findFirst().orElseThrow(() -> check.error(at + ".visibility", "unknown visibility "
                            + s.visibility() + " (" + Arrays.stream(Visibility.values()).map(Visibility::key)
                            .collect(Collectors.joining(", ")) + ")"));
            if (series.put(s.id(), new Series(s.id(), s.name(), visibility)) != null) {
                throw check.error(at + ".id", "series " + s.id() + " declared twice");
            }
        }
        return series;
    }

    /** Reads and checks {@code <id>.yaml} (and its SQL files). */
    private static RapportDefinition rapport(CatalogueFiles files, String id, Map<String, Series> series,
                                             Map<String, DeclaredDimension> dimensions) {
        String file = id + ".yaml";
        RapportDeclaration d = files.yaml(file, RapportDeclaration.class);
        Checker check = new Checker(files, file);
        check.required(d.id(), "id");
        if (!id.equals(d.id())) {
            throw check.error("id", "declares id " + d.id() + ", listed in catalogue.yaml as " + id);
        }
        check.required(d.series(), "series");
        if (!series.containsKey(d.series())) {
            throw check.error("series", "unknown series " + d.series() + " (catalogue.yaml declares "
                    + String.join(", ", series.keySet()) + ")");
        }
        if (!id.startsWith("TAB" + d.series() + "-")) {
            throw check.error("series", id + " is not a rapport of series " + d.series() + " (TAB" + d.series() + "-nn)");
        }
        check.required(d.title(), "title");
        check.required(d.description(), "description");
        check.required(d.reference(), "reference");
        check.required(d.dimension(), "dimension");
        DeclaredDimension declared = dimensions.get(d.dimension());
        if (declared == null) {
            throw check.error("dimension", "unknown dimension " + d.dimension() + " (no file dimensions/"
                    + d.dimension() + ".yaml)");
        }
        Dimension dimension = declared.dimension;
        if (d.header() != null) {
            dimension = new Dimension(d.header(), dimension.label(), dimension.categories(), dimension.identity());
        }
        check.nonEmpty(d.levels(), "levels");
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < d.levels().size(); i++) {
            String key = d.levels().get(i);
            String at = "levels[" + i + "]";
            Level level = Level.byKey(key).orElseThrow(() -> check.error(at, "unknown level " + key + " ("
                    + Arrays.stream(Level.values()).map(Level::key).collect(Collectors.joining(", ")) + ")"));
            if (levels.contains(level)) {
                throw check.error(at, "level " + key + " listed twice");
            }
            levels.add(level);
        }
        check.required(d.chart(), "chart");
        if (!CHART_TYPES.contains(d.chart())) {
            throw check.error("chart", "unknown chart type " + d.chart() + " (supported: "
                    + String.join(", ", CHART_TYPES) + ")");
        }
        check.nonEmpty(d.columns(), "columns");
        String statistics = files.text(id + ".stats.sql").orElse(null);
        checkColumns(check, d.columns(), statistics != null, id);
        Rapport rapport = new Rapport(id, d.series(), d.title(), d.description(), dimension.label(), List.copyOf(levels),
                d.chart());
        if (d.totalFigure() != null && !d.total()) {
            throw check.error("total_figure", "a rapport without a total line (total: false) has no total figure");
        }
        List<SameFigure> sameFigures = d.sameFigures() == null ? List.of() : List.copyOf(d.sameFigures());
        checkSameFigures(check, sameFigures, dimension, d);
        List<LineFigure> lineFigures = d.lineFigures() == null ? List.of() : List.copyOf(d.lineFigures());
        checkLineFigures(check, lineFigures, dimension, d);
        RapportDefinition def = new RapportDefinition(rapport, dimension, List.copyOf(d.columns()), d.total(),
                d.reference(), d.horsAssociations(), files.text(id + ".sql").orElseThrow(), statistics,
                d.totalFigure(), sameFigures, lineFigures);
        if (def.sqlColumns().isEmpty()) {
            throw check.error("columns", "no column is fed by the SQL (every column is computed from others)");
        }
        if (statistics != null && d.columns().stream().noneMatch(DeclaredColumn::isStatistic)) {
            throw files.error(id + ".stats.sql", null, "not used by any column of " + file + " (statistic: mean or median)");
        }
        return def;
    }

    /**
     * Each line publishing another rapport's figure: a line of the dimension, or the total line
     * ({@code total}: the sum of the lines, published or not); count columns of the rapport; no
     * total line summing a category line (its cells take the status the figure's rapports give
     * it; an identity between the lines is protected around them, docs/secret-statistique.md),
     * unless the total line repeats a figure in that column too (TAB04-16, TAB03-13: every line
     * and the total; TAB04-09: the total and its LOCATAIRE_HLM line, the others protected around).
     */
    private static void checkSameFigures(Checker check, List<SameFigure> sameFigures, Dimension dimension,
                                         RapportDeclaration d) {
        for (int i = 0; i < sameFigures.size(); i++) {
            SameFigure f = sameFigures.get(i);
            String at = "same_figures[" + i + "]";
            if (f == null) {
                throw check.error(at, "empty entry");
            }
            check.required(f.line(), at + ".line");
            check.required(f.figure(), at + ".figure");
            if (!f.sumOfLines() && dimension.categories().stream().noneMatch(c -> c.key().equals(f.line()))) {
                throw check.error(at + ".line", "no line " + f.line() + " in dimension " + d.dimension()
                        + " (nor " + RapportDefinition.TOTAL_LINE + ": the sum of the lines)");
            }
            if (f.columns() == null || f.columns().isEmpty()) {
                throw check.error(at + ".columns", "missing (required: count column → column of the total line)");
            }
            for (String column : f.columns().keySet()) {
                if (d.columns().stream().noneMatch(c -> c.key().equals(column) && c.isCount())) {
                    throw check.error(at + ".columns", column + " is not a count column of " + d.id());
                }
            }
            if (d.total() && !f.sumOfLines()) {
                for (String column : f.columns().keySet()) {
                    if (sameFigures.stream().noneMatch(o -> o != null && o.sumOfLines() && o.columns() != null
                            && o.columns().containsKey(column))) {
                        throw check.error(at, "a line publishing another rapport's figure must not be summed by a"
                                + " total line (total: false), unless the total line repeats a figure in that column"
                                + " too: " + column + " of the total repeats none");
                    }
                }
            }
        }
    }

    /** Each line that is a figure: a category line of the dimension, one figure each. */
    private static void checkLineFigures(Checker check, List<LineFigure> lineFigures, Dimension dimension,
                                         RapportDeclaration d) {
        for (int i = 0; i < lineFigures.size(); i++) {
            LineFigure f = lineFigures.get(i);
            String at = "line_figures[" + i + "]";
            if (f == null) {
                throw check.error(at, "empty entry");
            }
            check.required(f.line(), at + ".line");
            check.required(f.figure(), at + ".figure");
            if (dimension.categories().stream().noneMatch(c -> c.key().equals(f.line()))) {
                throw check.error(at + ".line", "no line " + f.line() + " in dimension " + d.dimension());
            }
            if (f.figure().equals(d.totalFigure()) || lineFigures.subList(0, i).stream()
                    .anyMatch(o -> o.figure().equals(f.figure()))) {
                throw check.error(at + ".figure", f.figure() + " is already a figure of " + d.id());
            }
        }
    }

    /**
     * Every figure named by a {@code same_figures} line is held by some rapports (a total figure)
     * or by one (a line figure), never both, with those columns.
     */
    private static void checkSameFigureTargets(CatalogueFiles files, Map<String, RapportDefinition> definitions) {
        for (RapportDefinition def : definitions.values()) {
            for (RapportDefinition.LineFigure f : def.lineFigures()) {
                List<String> others = definitions.values().stream().filter(o -> o != def
                        && o.ownFigures().contains(f.figure()) && (def.totalFigure() == null
                        || !def.totalFigure().equals(o.totalFigure()) || f.figure().equals(o.totalFigure())))
                        .map(o -> o.rapport().id()).toList();
                if (!others.isEmpty()) {
                    throw files.error(def.rapport().id() + ".yaml", "line_figures", "figure " + f.figure()
                            + " is also held by " + String.join(", ", others) + ": a line figure is held by one"
                            + " rapport, or shared by rapports of one total figure");
                }
                for (RapportDefinition o : definitions.values()) {
                    if (o != def && o.ownFigures().contains(f.figure()) && !countKeys(o).equals(countKeys(def))) {
                        throw files.error(def.rapport().id() + ".yaml", "line_figures", "figure " + f.figure()
                                + " is shared with " + o.rapport().id() + ", whose count columns differ ("
                                + countKeys(def) + ", " + countKeys(o) + ")");
                    }
                }
            }
            for (RapportDefinition.SameFigure f : def.sameFigures()) {
                for (String figure : f.figures()) {
                    List<RapportDefinition> family = definitions.values().stream()
                            .filter(o -> o.ownFigures().contains(figure)).toList();
                    if (family.isEmpty()) {
                        throw files.error(def.rapport().id() + ".yaml", "same_figures", "no rapport has total_figure "
                                + figure + " (nor line_figures)");
                    }
                    for (String target : f.columns().values()) {
                        if (family.stream().noneMatch(o -> o.columns().stream().anyMatch(c -> c.key().equals(target)
                                && c.isCount()))) {
                            throw files.error(def.rapport().id() + ".yaml", "same_figures", "no rapport of figure "
                                    + figure + " has a count column " + target);
                        }
                    }
                }
            }
        }
    }

    private static List<String> countKeys(RapportDefinition d) {
        return d.columns().stream().filter(DeclaredColumn::isCount).map(DeclaredColumn::key).toList();
    }

    /** Each column: one kind, a unique key, sources among the count columns. */
    private static void checkColumns(Checker check, List<DeclaredColumn> columns, boolean statisticsSql, String id) {
        Set<String> counts = new HashSet<>();
        for (DeclaredColumn c : columns) {
            if (c != null && c.key() != null && c.isCount()) {
                counts.add(c.key());
            }
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            DeclaredColumn c = columns.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                throw check.error(at, "empty column");
            }
            check.required(c.key(), at + ".key");
            check.required(c.label(), at + ".label");
            if (!keys.add(c.key())) {
                throw check.error(at + ".key", "column " + c.key() + " declared twice");
            }
            int kinds = (c.isSum() ? 1 : 0) + (c.isPart() ? 1 : 0) + (c.isRatio() ? 1 : 0)
                    + (c.isVariation() ? 1 : 0) + (c.isStatistic() ? 1 : 0);
            if (kinds > 1) {
                throw check.error(at, "column " + c.key() + " declares more than one of sum, part_of, ratio,"
                        + " variation, statistic");
            }
            if (c.isSum()) {
                sources(check, at + ".sum", c.sum(), counts, columns);
            } else if (c.isPart()) {
                sources(check, at + ".part_of", List.of(c.partOf()), counts, columns);
            } else if (c.isRatio()) {
                if (c.ratio().size() != 2) {
                    throw check.error(at + ".ratio", "a ratio is [numerator, denominator], two count columns");
                }
                sources(check, at + ".ratio", c.ratio(), counts, columns);
            } else if (c.isVariation()) {
                if (c.variation().column() == null) {
                    throw check.error(at + ".variation.column", "missing (required)");
                }
                sources(check, at + ".variation.column", List.of(c.variation().column()), counts, columns);
                if (c.variation().reference() != null) {
                    sources(check, at + ".variation.reference", List.of(c.variation().reference()), counts, columns);
                }
            } else if (c.isStatistic()) {
                if (!DeclaredColumn.STATISTICS.contains(c.statistic())) {
                    throw check.error(at + ".statistic", "unknown statistic " + c.statistic() + " ("
                            + String.join(", ", DeclaredColumn.STATISTICS) + ")");
                }
                if (!statisticsSql) {
                    throw check.error(at + ".statistic", "needs " + id + ".stats.sql (the values it aggregates)");
                }
            }
        }
    }

    private static void sources(Checker check, String field, List<String> sources, Set<String> counts,
                                List<DeclaredColumn> columns) {
        for (String s : sources) {
            if (!counts.contains(s)) {
                boolean declared = columns.stream().anyMatch(c -> s.equals(c.key()));
                throw check.error(field, (declared ? "refers to column " + s + ", which is not a count"
                        : "refers to an unknown column " + s) + " (count columns: "
                        + counts.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    /** The series, in declaration order. */
    public List<Series> series() {
        return series;
    }

    public Optional<Series> series(String id) {
        return series.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Every rapport computed by territory (rows: a dimension's categories), in catalogue order; the
     * rapports by guichet are {@link #guichetRapports()}.
     */
    public List<Rapport> rapports() {
        return definitions.values().stream().map(RapportDefinition::rapport).toList();
    }

    public Optional<RapportDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /**
     * The rapports whose rows are guichets ({@code rows: guichets}: series 06, restricted), in
     * catalogue order: served by the restricted entry point only.
     */
    public List<GuichetRapportDefinition> guichetRapports() {
        return List.copyOf(guichetDefinitions.values());
    }

    public Optional<GuichetRapportDefinition> guichetRapport(String id) {
        return Optional.ofNullable(guichetDefinitions.get(id));
    }

    /**
     * The public part of the catalogue: its public series and their rapports (the restricted ones
     * are neither listed nor found), with the same dimensions and macros.
     */
    public Catalogue publicCatalogue() {
        List<Series> visible = series.stream().filter(s -> s.visibility() == Visibility.PUBLIC).toList();
        Set<String> ids = visible.stream().map(Series::id).collect(Collectors.toSet());
        Map<String, RapportDefinition> kept = new LinkedHashMap<>();
        definitions.forEach((id, def) -> {
            if (ids.contains(def.rapport().series())) {
                kept.put(id, def);
            }
        });
        Map<String, GuichetRapportDefinition> keptByGuichet = new LinkedHashMap<>();
        guichetDefinitions.forEach((id, def) -> {
            if (ids.contains(def.rapport().series())) {
                keptByGuichet.put(id, def); // never: a rapport by guichet belongs to a restricted series
            }
        });
        return new Catalogue(visible, kept, keptByGuichet, dimensions, macrosBefore, macrosAfter);
    }

    /** The dimension of that name (dimensions/{@code name}.yaml), as the engine lays it out. */
    public Optional<Dimension> dimension(String name) {
        return declared(name).map(d -> d.dimension);
    }

    /** The names of the dimensions (dimensions/<name>.yaml), in file order. */
    public List<String> dimensionNames() {
        return dimensions.stream().map(d -> d.name).toList();
    }

    /**
     * The call of the macro dimensions/{@code name}.yaml generates: its SQL name ({@code categorie_<name>}) and its
     * inputs, in order; empty when there is no such dimension or it declares no input (no macro).
     */
    public Optional<DimensionCall> dimensionCall(String name) {
        return declared(name).filter(d -> d.macro != null)
                .map(d -> new DimensionCall(DeclaredDimension.macroName(d.name), d.inputs));
    }

    /**
     * How to call a dimension's generated macro: {@code macro(input, …)}, each input a column the macro maps.
     *
     * @param macro  the macro's SQL name, {@code categorie_} then the dimension's name ('-' as '_')
     * @param inputs the names of its parameters, as the dimension declares them
     */
    public record DimensionCall(String macro, List<String> inputs) {
        public DimensionCall {
            inputs = List.copyOf(inputs);
        }
    }

    /** The CREATE MACRO statement generated from dimensions/{@code name}.yaml, empty when it declares no input. */
    public Optional<String> dimensionMacro(String name) {
        return declared(name).map(d -> d.macro);
    }

    private Optional<DeclaredDimension> declared(String name) {
        return dimensions.stream().filter(d -> d.name.equals(name)).findFirst();
    }

    /**
     * The SQL statements creating the macros the rapports' SQL files use: macros.sql, with the
     * dimensions' generated macros at its line {@link #DIMENSION_MACROS}.
     */
    public String macros() {
        StringBuilder sql = new StringBuilder(macrosBefore);
        for (String macro : generatedMacros()) {
            sql.append(macro).append("\n\n");
        }
        return sql.append(macrosAfter).toString();
    }

    /**
     * Creates the macros on a connection whose views are in place (the helpers read the tables),
     * in the order of {@link #macros()}. Each dimension's macro is called once on empty inputs, so
     * that DuckDB binds it entirely: one it refuses (a syntax error, an unknown function or
     * column) is reported with its file.
     */
    public void createMacros(Connection connection) throws SQLException {
        execute(connection, macrosBefore);
        for (DeclaredDimension d : dimensions) {
            if (d.macro == null) {
                continue;
            }
            try {
                execute(connection, d.macro);
            } catch (SQLException e) {
                throw refused(d, e);
            }
            try {
                execute(connection, d.probe);
            } catch (SQLException e) {
                // on empty (untyped) inputs DuckDB may fail to choose among typed functions
                // ("+"(NULL, INTERVAL)): only a name it does not know is the declaration's fault
                String m = String.valueOf(e.getMessage());
                if (m.contains("does not exist") || m.contains("not found")) {
                    throw refused(d, e);
                }
            }
        }
        execute(connection, macrosAfter);
    }

    private static SQLException refused(DeclaredDimension d, SQLException e) {
        return new SQLException(d.where + ": the macro " + DeclaredDimension.macroName(d.name)
                + " generated from it is refused by DuckDB: " + e.getMessage(), e);
    }

    /** Executes SQL statements (on a statement of their own: DuckDB closes one that fails), unless they are only comments. */
    private static void execute(Connection connection, String sql) throws SQLException {
        if (sql.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--"))) {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private Collection<String> generatedMacros() {
        return dimensions.stream().filter(d -> d.macro != null).map(d -> d.macro).toList();
    }
}
