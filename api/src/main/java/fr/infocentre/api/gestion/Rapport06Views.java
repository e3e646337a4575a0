package fr.infocentre.api.gestion;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.DemandeList;
import fr.infocentre.warehouse.GuichetEvolution;
import fr.infocentre.warehouse.Indicator;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Rapport 06 as its pages show it: the indicators grouped under headings with their units, French figures, each
 * value outside its threshold marked (a sign and a text, not colour alone, the threshold in its title), masked cells
 * {@code s}, and the links to the demandes behind a value.
 */
final class Rapport06Views {

    /** The headings the indicators are grouped under, in order, by column key (a key not listed goes to the last). */
    static final Map<String, List<String>> GROUPS = groups();
    static final String OTHERS = "Autres indicateurs";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private Rapport06Views() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Enregistrement des demandes", List.of("creees", "creees_pgp", "delai_enregistrement",
                "enregistrees_plus_1_mois", "pct_enregistrees_plus_1_mois"));
        g.put("Renouvellements et modifications", List.of("renouvellements", "modifications"));
        g.put("Attributions saisies", List.of("attributions_saisies", "delai_saisie", "saisies_plus_30_jours",
                "pct_saisies_plus_30_jours", "attributions_incompletes", "pct_attributions_incompletes",
                "attributions_sur_radiee"));
        g.put("Radiations et réactivations", List.of("radiations_renonciation", "radiations_irrecevabilite",
                "radiations_absence_reponse", "radiations_non_renouvellement", "reactivations"));
        g.put("Doublons", List.of("doublons_forces", "pct_doublons_forces", "doublons_potentiels"));
        g.put("Complétude et stock", List.of("incompletes", "pct_completes", "sans_pieces", "pct_avec_pieces", "stock"));
        return g;
    }

    /** A heading over some columns. */
    record Group(String label, int span) {
    }

    /** A column's header: its number in the series (n° 1–21, empty for a count shown beside its rate), label, unit, threshold. */
    record Header(String key, String numero, String label, String unit, String threshold) {
    }

    /**
     * A figure: its text, whether masked (s), undefined (a rate or mean over no unit), flagged (with the
     * threshold), and the link to the demandes behind it (null: none).
     */
    record Cell(String text, boolean masked, boolean undefined, boolean flagged, String threshold, String link) {
    }

    /** A row: a guichet (linked to its months), or a reference line (a département, a région). */
    record Row(String kind, String code, String name, String link, boolean reference, List<Cell> cells) {
    }

    /** The table: headings, headers, rows in the order shown (each département's guichets, then its line; the région last). */
    record TableView(List<Group> groups, List<Header> headers, List<Row> rows, List<Header> thresholds, int flagged) {
    }

    /** The indicators in the order shown: grouped, each group in its own order, unknown ones last. */
    static List<Indicator> ordered(List<Indicator> indicators) {
        List<Indicator> ordered = new ArrayList<>();
        GROUPS.values().forEach(keys -> keys.forEach(k -> indicators.stream().filter(i -> i.key().equals(k))
                .findFirst().ifPresent(ordered::add)));
        indicators.stream().filter(i -> !ordered.contains(i)).forEach(ordered::add);
        return ordered;
    }

    static String groupOf(Indicator i) {
        return GROUPS.entrySet().stream().filter(e -> e.getValue().contains(i.key())).map(Map.Entry::getKey)
                .findFirst().orElse(OTHERS);
    }

    /**
     * @param drill the link to the demandes behind a guichet's indicator (guichet code, indicator), null when the
     *              version shows none (the diffusable one)
     * @param evolution the link to a guichet's months
     */
    static TableView table(ActivityTable t, BiFunction<String, Indicator, String> drill,
                           java.util.function.Function<String, String> evolution) {
        List<Indicator> indicators = ordered(t.indicators());
        List<Group> groups = new ArrayList<>();
        for (Indicator i : indicators) {
            String g = groupOf(i);
            if (!groups.isEmpty() && groups.get(groups.size() - 1).label().equals(g)) {
                Group last = groups.remove(groups.size() - 1);
                groups.add(new Group(g, last.span() + 1));
            } else {
                groups.add(new Group(g, 1));
            }
        }
        List<Header> headers = indicators.stream().map(Rapport06Views::header).toList();
        List<Row> rows = new ArrayList<>();
        int[] flagged = {0};
        List<String> departements = t.references().stream().filter(r -> r.kind() == ActivityRow.Kind.DEPARTEMENT)
                .map(ActivityRow::code).toList();
        for (String d : departements) {
            for (ActivityRow g : t.guichets()) {
                if (d.equals(g.departement())) {
                    rows.add(new Row("guichet", g.code(), g.code() + " – " + g.name(), evolution.apply(g.code()), false,
                            cells(g, indicators, drill == null ? null : i -> drill.apply(g.code(), i), flagged)));
                }
            }
            t.reference(ActivityRow.Kind.DEPARTEMENT, d).ifPresent(r -> rows.add(new Row("departement", r.code(),
                    "Département " + r.code() + " – " + r.name() + " (référence)", null, true,
                    cells(r, indicators, null, flagged))));
        }
        // guichets of a département without a reference line (none expected), then the région's line
        t.guichets().stream().filter(g -> !departements.contains(g.departement())).forEach(g -> rows.add(new Row(
                "guichet", g.code(), g.code() + " – " + g.name(), evolution.apply(g.code()), false,
                cells(g, indicators, drill == null ? null : i -> drill.apply(g.code(), i), flagged))));
        t.references().stream().filter(r -> r.kind() == ActivityRow.Kind.REGION).forEach(r -> rows.add(new Row("region",
                r.code(), "Région " + r.code() + " – " + r.name() + " (ensemble)", null, true,
                cells(r, indicators, null, flagged))));
        List<Header> thresholds = headers.stream().filter(h -> h.threshold() != null).toList();
        return new TableView(groups, headers, rows, thresholds, flagged[0]);
    }

    private static Header header(Indicator i) {
        String unit = i.unit() == null ? "nombre" : i.unit().equals("%") ? "en %" : "en " + i.unit();
        return new Header(i.key(), i.numero() == null ? "" : "n° " + i.numero(), i.label(), unit, i.threshold());
    }

    private static List<Cell> cells(ActivityRow row, List<Indicator> indicators,
                                    java.util.function.Function<Indicator, String> drill, int[] flagged) {
        List<Cell> cells = new ArrayList<>();
        for (Indicator i : indicators) {
            Object value = row.value(i.key());
            if (row.masked(i.key())) {
                cells.add(new Cell("s", true, false, false, null, null));
                continue;
            }
            if (value == null) {
                cells.add(new Cell("–", false, true, false, null, null));
                continue;
            }
            boolean flag = row.flagged(i.key());
            if (flag) {
                flagged[0]++;
            }
            Object units = row.value(i.demandes());
            String link = drill != null && units instanceof Number n && n.longValue() > 0 ? drill.apply(i) : null;
            cells.add(new Cell(figure(value, i.type()), false, false, flag, flag ? i.threshold() : null, link));
        }
        return cells;
    }

    /** A figure in French: a count with its thousands grouped, a rate or a mean with one decimal. */
    static String figure(Object value, Column.Type type) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        if (type == Column.Type.COUNT) {
            format.setMaximumFractionDigits(0);
            return format.format(n.longValue());
        }
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(n.doubleValue());
    }

    /** A value of a list of demandes as shown: a date dd/mm/yyyy, oui / non, a number, a text. */
    static String listValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return d.format(DATE);
        }
        if (value instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(Locale.FRANCE).format(n.longValue());
        }
        return value.toString();
    }

    /** The rows of a list as the page shows them. */
    static List<List<String>> listRows(DemandeList l) {
        return l.rows().stream().map(r -> l.fields().stream().map(f -> listValue(r.get(f.key()))).toList()).toList();
    }

    static String date(LocalDate d) {
        return d.format(DATE);
    }

    /** « 10 avril 2025 ». */
    static String longDate(LocalDate d) {
        return d.format(LONG_DATE);
    }

    /** A guichet's months as a table: one row per indicator, one column per month (the chart's data, readable). */
    record EvolutionView(List<String> months, List<EvolutionRow> rows) {
    }

    record EvolutionRow(String key, String numero, String label, String unit, List<Cell> guichet, List<Cell> reference) {
    }

    static EvolutionView evolution(GuichetEvolution e) {
        List<String> months = e.months().stream().map(m -> m.period().label(e.dataDate())
                + (m.complete() ? "" : " (jusqu'au " + date(m.end()) + ")")).toList();
        List<EvolutionRow> rows = new ArrayList<>();
        int[] flagged = {0};
        for (Indicator i : ordered(e.indicators())) {
            if (i.numero() == null) {
                continue;
            }
            List<Cell> own = new ArrayList<>(), reference = new ArrayList<>();
            for (GuichetEvolution.Month m : e.months()) {
                own.addAll(cells(m.guichet(), List.of(i), null, flagged));
                reference.addAll(cells(m.reference(), List.of(i), null, flagged));
            }
            Header h = header(i);
            rows.add(new EvolutionRow(i.key(), h.numero(), i.label(), h.unit(), own, reference));
        }
        return new EvolutionView(months, rows);
    }
}
