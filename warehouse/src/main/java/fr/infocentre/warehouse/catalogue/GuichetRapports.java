package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.catalogue.Declarations.DetailDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.GuichetRapportDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.IndicatorDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.ThresholdDeclaration;
import fr.infocentre.warehouse.catalogue.DeclaredDimension.Checker;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.Detail;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.IndicatorColumn;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.Kind;
import fr.infocentre.warehouse.catalogue.GuichetRapportDefinition.Threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and checks the {@code <id>.yaml} of a rapport whose rows are guichets ({@code rows:
 * guichets}), docs/catalogue.md "Rapports by guichet": every mistake is an {@link InvalidCatalogue}
 * naming the file and the field.
 */
final class GuichetRapports {

    /** The value of {@code rows} that makes a rapport's rows the guichets. */
    static final String ROWS = "guichets";
    /** How {@link Rapport#dimension()} names the rows. */
    static final String DIMENSION = "guichet enregistreur";

    private GuichetRapports() {
    }

    static GuichetRapportDefinition read(CatalogueFiles files, String id, Map<String, Series> series) {
        String file = id + ".yaml";
        GuichetRapportDeclaration d = files.yaml(file, GuichetRapportDeclaration.class);
        Checker check = new Checker(files, file);
        check.required(d.id(), "id");
        if (!id.equals(d.id())) {
            throw check.error("id", "declares id " + d.id() + ", listed in catalogue.yaml as " + id);
        }
        check.required(d.series(), "series");
        Series s = series.get(d.series());
        if (s == null) {
            throw check.error("series", "unknown series " + d.series() + " (catalogue.yaml declares "
                    + String.join(", ", series.keySet()) + ")");
        }
        if (!id.startsWith("TAB" + d.series() + "-")) {
            throw check.error("series", id + " is not a rapport of series " + d.series() + " (TAB" + d.series() + "-nn)");
        }
        if (s.visibility() != Series.Visibility.RESTRICTED) {
            throw check.error("rows", "a rapport by guichet is served by the restricted entry point only: its series "
                    + d.series() + " must be restricted (it is " + s.visibility().key() + ")");
        }
        if (!ROWS.equals(d.rows())) {
            throw check.error("rows", d.rows() == null ? "missing (required)"
                    : "unknown rows " + d.rows() + " (supported: " + ROWS + ")");
        }
        check.required(d.title(), "title");
        check.required(d.description(), "description");
        check.required(d.reference(), "reference");
        check.required(d.chart(), "chart");
        if (!Catalogue.CHART_TYPES.contains(d.chart())) {
            throw check.error("chart", "unknown chart type " + d.chart() + " (supported: "
                    + String.join(", ", Catalogue.CHART_TYPES) + ")");
        }
        List<Scope.Kind> scopes = keys(check, "scopes", d.scopes(), Scope.Kind::byKey,
                Arrays.stream(Scope.Kind.values()).map(Scope.Kind::key).toList());
        List<Period.Kind> periods = keys(check, "periods", d.periods(), Period.Kind::byKey,
                Arrays.stream(Period.Kind.values()).map(Period.Kind::key).toList());
        List<Period.Kind> diffusable = d.diffusablePeriods() == null || d.diffusablePeriods().isEmpty() ? List.of()
                : keys(check, "diffusable_periods", d.diffusablePeriods(), Period.Kind::byKey,
                periods.stream().map(Period.Kind::key).toList());
        if (diffusable.size() > 1) {
            throw check.error("diffusable_periods", "at most one kind of period: a period of one kind is the sum or the"
                    + " difference of periods of another, which would recompute a masked count");
        }
        if (diffusable.contains(Period.Kind.DOUZE_DERNIERS_MOIS)) {
            throw check.error("diffusable_periods", Period.LAST_12_MONTHS + " cannot be diffusable: two such windows"
                    + " overlap, their difference would recompute a masked count");
        }
        List<Detail> details = details(check, d.details());
        List<IndicatorColumn> columns = columns(check, d.columns(), details);
        if (files.exists(id + ".stats.sql")) {
            throw files.error(id + ".stats.sql", null, "a rapport by guichet has no .stats.sql: its means are columns"
                    + " with mean_of, over the valeur of its SQL's rows");
        }
        List<Level> levels = new ArrayList<>();
        if (scopes.contains(Scope.Kind.REGION)) {
            levels.add(Level.REGION);
        }
        if (scopes.contains(Scope.Kind.DEPARTEMENT)) {
            levels.add(Level.DEPARTEMENT);
        }
        Rapport rapport = new Rapport(id, d.series(), d.title(), d.description(), DIMENSION, List.copyOf(levels),
                d.chart());
        return new GuichetRapportDefinition(rapport, scopes, periods, diffusable, d.reference(), details, columns,
                files.text(id + ".sql").orElseThrow(), files.where(id + ".sql"));
    }

    /** A non-empty list of known keys, none twice. */
    private static <K> List<K> keys(Checker check, String field, List<String> declared, Function<String, Optional<K>> byKey,
                                    List<String> known) {
        check.nonEmpty(declared, field);
        List<K> keys = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            String key = declared.get(i);
            String at = field + "[" + i + "]";
            K k = byKey.apply(key).filter(x -> known.contains(key)).orElseThrow(() -> check.error(at, "unknown "
                    + key + " (" + String.join(", ", known) + ")"));
            if (keys.contains(k)) {
                throw check.error(at, key + " listed twice");
            }
            keys.add(k);
        }
        return List.copyOf(keys);
    }

    private static List<Detail> details(Checker check, List<DetailDeclaration> declared) {
        List<Detail> details = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; declared != null && i < declared.size(); i++) {
            DetailDeclaration d = declared.get(i);
            String at = "details[" + i + "]";
            if (d == null) {
                throw check.error(at, "empty entry");
            }
            check.required(d.key(), at + ".key");
            check.required(d.label(), at + ".label");
            if (GuichetRapportDefinition.UNIT_COLUMNS.contains(d.key())) {
                throw check.error(at + ".key", d.key() + " is a column of every unit (" + String.join(", ",
                        GuichetRapportDefinition.UNIT_COLUMNS) + "), not a detail");
            }
            if (!keys.add(d.key())) {
                throw check.error(at + ".key", "detail " + d.key() + " declared twice");
            }
            details.add(new Detail(d.key(), d.label()));
        }
        return List.copyOf(details);
    }

    private static List<IndicatorColumn> columns(Checker check, List<IndicatorDeclaration> declared, List<Detail> details) {
        check.nonEmpty(declared, "columns");
        Map<String, IndicatorDeclaration> byKey = new HashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            IndicatorDeclaration c = declared.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                throw check.error(at, "empty column");
            }
            check.required(c.key(), at + ".key");
            check.required(c.label(), at + ".label");
            if (byKey.put(c.key(), c) != null) {
                throw check.error(at + ".key", "column " + c.key() + " declared twice");
            }
        }
        Set<String> counts = declared.stream().filter(c -> c.ratio() == null && c.meanOf() == null)
                .map(IndicatorDeclaration::key).collect(Collectors.toSet());
        if (counts.isEmpty()) {
            throw check.error("columns", "no count column (a column with neither ratio nor mean_of counts the SQL's rows)");
        }
        List<IndicatorColumn> columns = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            IndicatorDeclaration c = declared.get(i);
            String at = "columns[" + i + "]";
            if (c.ratio() != null && c.meanOf() != null) {
                throw check.error(at, "column " + c.key() + " declares both ratio and mean_of");
            }
            Kind kind = c.ratio() != null ? Kind.RATIO : c.meanOf() != null ? Kind.MEAN : Kind.COUNT;
            if (c.indicator() != null && c.indicator() < 1) {
                throw check.error(at + ".indicator", "an indicator's number is 1 or more");
            }
            if (kind != Kind.RATIO && (c.percent() || c.complement())) {
                throw check.error(at, (c.percent() ? "percent" : "complement") + " is for a ratio column");
            }
            if (kind != Kind.COUNT && c.subsetOf() != null) {
                throw check.error(at + ".subset_of", "subset_of is for a count column");
            }
            if (kind != Kind.COUNT && c.details() != null) {
                throw check.error(at + ".details", "a " + kind.name().toLowerCase() + " lists the units of "
                        + (kind == Kind.RATIO ? "its numerator" : "its mean_of column") + ": details are declared there");
            }
            switch (kind) {
                case COUNT -> {
                    if (c.subsetOf() != null) {
                        IndicatorDeclaration of = byKey.get(c.subsetOf());
                        if (of == null || !counts.contains(of.key()) || of.key().equals(c.key())) {
                            throw check.error(at + ".subset_of", "refers to " + (of == null ? "an unknown column "
                                    : of.key().equals(c.key()) ? "itself " : "a column that is not a count ") + c.subsetOf());
                        }
                        if (of.subsetOf() != null) {
                            throw check.error(at + ".subset_of", c.subsetOf() + " is itself a subset_of "
                                    + of.subsetOf() + ": name that one (one level of subsets)");
                        }
                    }
                }
                case RATIO -> {
                    if (c.ratio().size() != 2 || c.ratio().stream().anyMatch(k -> !counts.contains(k))) {
                        throw check.error(at + ".ratio", "a ratio is [numerator, denominator], two count columns");
                    }
                    if (!c.ratio().get(1).equals(byKey.get(c.ratio().get(0)).subsetOf())) {
                        throw check.error(at + ".ratio", "the numerator " + c.ratio().get(0) + " must be declared"
                                + " subset_of the denominator " + c.ratio().get(1) + " (a share of its units)");
                    }
                }
                case MEAN -> {
                    if (!counts.contains(c.meanOf())) {
                        throw check.error(at + ".mean_of", "refers to " + (byKey.containsKey(c.meanOf())
                                ? "a column that is not a count " : "an unknown column ") + c.meanOf());
                    }
                }
            }
            List<String> shown = c.details() == null ? List.of() : List.copyOf(c.details());
            for (int j = 0; j < shown.size(); j++) {
                String k = shown.get(j);
                if (details.stream().noneMatch(x -> x.key().equals(k))) {
                    throw check.error(at + ".details[" + j + "]", "unknown detail " + k + " (declared: "
                            + details.stream().map(Detail::key).collect(Collectors.joining(", ")) + ")");
                }
            }
            Threshold threshold = threshold(check, at + ".threshold", c.threshold(), counts);
            columns.add(new IndicatorColumn(c.key(), c.label(), c.indicator(), kind, c.subsetOf(),
                    c.ratio() == null ? null : List.copyOf(c.ratio()), c.percent(), c.complement(), c.meanOf(), c.unit(),
                    threshold, shown));
        }
        return List.copyOf(columns);
    }

    private static Threshold threshold(Checker check, String at, ThresholdDeclaration t, Set<String> counts) {
        if (t == null) {
            return null;
        }
        if (t.above() == null && t.below() == null && t.aboveReference() == null && t.belowReference() == null) {
            throw check.error(at, "no condition (above, below, above_reference, below_reference)");
        }
        if (t.aboveReference() != null && t.aboveReference() < 1) {
            throw check.error(at + ".above_reference", "at least 1 (a reference line is never above itself)");
        }
        if (t.belowReference() != null && (t.belowReference() <= 0 || t.belowReference() > 1)) {
            throw check.error(at + ".below_reference", "more than 0, at most 1 (a reference line is never below itself)");
        }
        if (t.per() != null) {
            if (!counts.contains(t.per())) {
                throw check.error(at + ".per", "refers to " + t.per() + ", which is not a count column");
            }
            if (t.aboveReference() == null && t.belowReference() == null) {
                throw check.error(at + ".per", "per weighs a comparison with the reference line: it needs"
                        + " above_reference or below_reference");
            }
        }
        return new Threshold(t.above(), t.below(), t.aboveReference(), t.belowReference(), t.per());
    }
}
