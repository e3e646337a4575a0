package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rapports declared as data in the classpath folder {@code rapports/}: the catalogue
 * ({@code catalogue.yaml}), one SQL and one YAML file per rapport, shared dimensions
 * ({@code dimensions/*.yaml}) and the SQL macros ({@code macros.sql}).
 */
public final class Catalogue {

    private static final String FOLDER = "/rapports/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Map<String, RapportDefinition> definitions;

    private Catalogue(Map<String, RapportDefinition> definitions) {
        this.definitions = definitions;
    }

    public static Catalogue load() {
        Map<String, RapportDefinition> definitions = new LinkedHashMap<>();
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (String id : readYaml("catalogue.yaml", CatalogueList.class).rapports()) {
            Declaration d = readYaml(id + ".yaml", Declaration.class);
            if (!id.equals(d.id())) {
                throw new IllegalStateException(id + ".yaml declares id " + d.id());
            }
            Dimension dimension = dimensions.computeIfAbsent(d.dimension(),
                    name -> readYaml("dimensions/" + name + ".yaml", Dimension.class));
            if (d.header() != null) {
                dimension = new Dimension(d.header(), dimension.label(), dimension.categories(), dimension.identity());
            }
            List<Level> levels = d.levels().stream()
                    .map(key -> Level.byKey(key).orElseThrow(
                            () -> new IllegalStateException(id + ".yaml: unknown level " + key)))
                    .toList();
            Rapport rapport = new Rapport(id, d.series(), d.title(), d.description(), dimension.label(),
                    levels, d.chart());
            definitions.put(id, check(new RapportDefinition(rapport, dimension, d.columns(), d.total(),
                    d.reference(), d.horsAssociations(), readText(id + ".sql"),
                    exists(id + ".stats.sql") ? readText(id + ".stats.sql") : null)));
        }
        return new Catalogue(definitions);
    }

    /** The SQL statements creating the macros the rapports' SQL files share. */
    public static String macros() {
        return readText("macros.sql");
    }

    public List<Rapport> rapports() {
        return definitions.values().stream().map(RapportDefinition::rapport).toList();
    }

    public Optional<RapportDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** Fails fast on a declaration the engine could not honour (a typo in a YAML file). */
    private static RapportDefinition check(RapportDefinition def) {
        String id = def.rapport().id();
        Set<String> counts = new HashSet<>();
        for (DeclaredColumn c : def.columns()) {
            if (c.isCount()) {
                counts.add(c.key());
            }
        }
        Set<String> keys = new HashSet<>();
        for (DeclaredColumn c : def.columns()) {
            int kinds = (c.isSum() ? 1 : 0) + (c.isPart() ? 1 : 0) + (c.isRatio() ? 1 : 0)
                    + (c.isVariation() ? 1 : 0) + (c.isStatistic() ? 1 : 0);
            if (kinds > 1 || !keys.add(c.key())) {
                throw new IllegalStateException(id + ".yaml: column " + c.key() + " is declared twice or in two ways");
            }
            if (!counts.containsAll(c.sources()) || c.isRatio() && c.ratio().size() != 2
                    || c.isVariation() && c.variation().column() == null) {
                throw new IllegalStateException(id + ".yaml: column " + c.key()
                        + " refers to an unknown count column " + c.sources());
            }
            if (c.isStatistic() && (!DeclaredColumn.STATISTICS.contains(c.statistic())
                    || def.statisticsSql() == null)) {
                throw new IllegalStateException(id + ".yaml: column " + c.key() + " needs " + id
                        + ".stats.sql and a statistique among " + DeclaredColumn.STATISTICS);
            }
        }
        if (def.sqlColumns().isEmpty()) {
            throw new IllegalStateException(id + ".yaml: no column is fed by the SQL");
        }
        if (def.statisticsSql() != null && def.columns().stream().noneMatch(DeclaredColumn::isStatistic)) {
            throw new IllegalStateException(id + ".stats.sql is not used by any statistique column");
        }
        return def;
    }

    private static <T> T readYaml(String name, Class<T> type) {
        try (InputStream in = open(name)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rapports/" + name, e);
        }
    }

    private static String readText(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rapports/" + name, e);
        }
    }

    private static boolean exists(String name) {
        return Catalogue.class.getResource(FOLDER + name) != null;
    }

    private static InputStream open(String name) {
        InputStream in = Catalogue.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("Missing resource rapports/" + name);
        }
        return in;
    }

    /** catalogue.yaml */
    record CatalogueList(List<String> rapports) {
    }

    /** {@code <id>.yaml} */
    record Declaration(String id, String series, String title, String description, String dimension,
                       List<String> levels, String chart, String reference, boolean horsAssociations,
                       List<DeclaredColumn> columns, boolean total, String header) {
    }
}
