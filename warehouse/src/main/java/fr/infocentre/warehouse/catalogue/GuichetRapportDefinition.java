package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Scope;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rapport whose rows are guichets ({@code rows: guichets}: series 06, docs/catalogue.md "Rapports by
 * guichet"), as declared in {@code <id>.yaml} and {@code <id>.sql}.
 * <p>
 * The SQL returns the <em>units</em> behind every count column — one row per demande, event or
 * attribution counted, for each period asked and guichet: {@code periode, code_guichet, colonne,
 * numero_unique, valeur} and the detail fields. A count is the number of its rows, a mean the mean of
 * their {@code valeur}, and the list behind an indicator is those rows: the count and the list are
 * the same rows.
 *
 * @param rapport           the metadata (dimension "guichet enregistreur")
 * @param scopes            the scopes offered
 * @param periods           the period kinds offered
 * @param diffusablePeriods the period kinds the diffusable version is offered for (at most one, not the last 12 months)
 * @param reference         the note on the period; {@code {debut}} and {@code {fin}} are its first and last day counted
 * @param details           the fields that explain the units, in declaration order
 * @param columns           the columns, in display order
 * @param sql               the units' SQL
 * @param sqlFile           the SQL file as messages name it ("rapports/TAB06-01.sql")
 */
public record GuichetRapportDefinition(Rapport rapport, List<Scope.Kind> scopes, List<Period.Kind> periods,
                                       List<Period.Kind> diffusablePeriods, String reference, List<Detail> details,
                                       List<IndicatorColumn> columns, String sql, String sqlFile) {

    /** The columns every row of the units' SQL holds, besides the details. */
    public static final List<String> UNIT_COLUMNS = List.of("periode", "code_guichet", "colonne", "numero_unique",
            "valeur");

    /** A field explaining the units, a column of the SQL. */
    public record Detail(String key, String label) {
    }

    /** What a column holds. */
    public enum Kind {
        /** A count of the SQL's rows of this colonne. */
        COUNT,
        /** numerator × 100 / denominator (or its complement), two count columns of the same row. */
        RATIO,
        /** The mean of the valeur of a count column's rows. */
        MEAN
    }

    /**
     * A column.
     *
     * @param indicator  its number in the series' table (docs/rapports.md), null for a numerator shown beside its rate
     * @param subsetOf   for a count: the count column every one of whose units it also counts (null: none)
     * @param ratio      for a ratio: [numerator, denominator], the numerator a subset of the denominator
     * @param percent    ratio × 100
     * @param complement the share of the denominator's units <em>not</em> counted by the numerator
     * @param meanOf     for a mean: the count column whose rows' valeur it averages
     * @param unit       "jours", "%"… (null for a count)
     * @param threshold  null: never flagged
     * @param details    for a count: the detail fields its list shows
     */
    public record IndicatorColumn(String key, String label, Integer indicator, Kind kind, String subsetOf,
                                  List<String> ratio, boolean percent, boolean complement, String meanOf, String unit,
                                  Threshold threshold, List<String> details) {

        /** The count column whose units the list behind this column shows. */
        public String listed() {
            return switch (kind) {
                case COUNT -> key;
                case RATIO -> ratio.get(0);
                case MEAN -> meanOf;
            };
        }

        public Column.Type type() {
            return switch (kind) {
                case COUNT -> Column.Type.COUNT;
                case RATIO -> percent ? Column.Type.PART : Column.Type.VALUE;
                case MEAN -> Column.Type.VALUE;
            };
        }
    }

    /**
     * When a value is flagged: every condition given holds (at least one is given). With {@code per},
     * the relative conditions compare value / per with the reference line's value / per (a count
     * weighed by the guichet's size).
     *
     * @param above          value &gt; above
     * @param below          value &lt; below
     * @param aboveReference value &gt; aboveReference × the reference line's value (≥ 1)
     * @param belowReference value &lt; belowReference × the reference line's value (≤ 1)
     * @param per            a count column
     */
    public record Threshold(Double above, Double below, Double aboveReference, Double belowReference, String per) {

        /** Whether a condition compares with the reference line. */
        public boolean relative() {
            return aboveReference != null || belowReference != null;
        }

        /**
         * Whether the value is flagged.
         *
         * @param value          the row's value (null: never flagged)
         * @param reference      the reference line's value
         * @param rowPer         the row's count of {@link #per} (when given)
         * @param referencePer   the reference line's
         */
        public boolean flags(Double value, Double reference, Double rowPer, Double referencePer) {
            if (value == null) {
                return false;
            }
            if (above != null && !(value > above) || below != null && !(value < below)) {
                return false;
            }
            if (relative()) {
                if (reference == null || per != null && (rowPer == null || referencePer == null)) {
                    return false;
                }
                // value / rowPer compared with reference / referencePer, multiplied out (rowPer may be 0)
                double left = per == null ? value : value * referencePer;
                double right = per == null ? reference : reference * rowPer;
                if (aboveReference != null && !(left > aboveReference * right)
                        || belowReference != null && !(left < belowReference * right)) {
                    return false;
                }
            }
            return true;
        }

        /** In French, for the tables' headers: « signalé au-delà de 5 jours et de 1,5 fois la valeur du département ». */
        String describe(String unit, String perLabel) {
            List<String> parts = new ArrayList<>();
            String u = unit == null ? "" : unit.equals("%") ? " %" : " " + unit;
            if (above != null) {
                parts.add("au-delà de " + number(above) + u);
            }
            if (below != null) {
                parts.add("en deçà de " + number(below) + u);
            }
            String ofReference = " fois la valeur du département" + (per == null ? ""
                    : ", à proportion de « " + perLabel + " »");
            if (aboveReference != null) {
                parts.add((above != null || below != null ? "et " : "") + "au-delà de " + number(aboveReference)
                        + ofReference);
            }
            if (belowReference != null) {
                parts.add((above != null || below != null ? "et " : "") + "en deçà de " + number(belowReference)
                        + ofReference);
            }
            return "Signalé " + String.join(" ", parts);
        }

        private static String number(double v) {
            return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.FRENCH)).format(v);
        }
    }

    public Optional<IndicatorColumn> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The count columns (fed by the SQL), in display order. */
    public List<IndicatorColumn> counts() {
        return columns.stream().filter(c -> c.kind() == Kind.COUNT).toList();
    }

    /** The count columns no other count column contains (subset_of), in display order. */
    public List<IndicatorColumn> totals() {
        return counts().stream().filter(c -> c.subsetOf() == null).toList();
    }

    /** The count columns subset of {@code total}, in display order. */
    public List<IndicatorColumn> subsetsOf(String total) {
        return counts().stream().filter(c -> total.equals(c.subsetOf())).toList();
    }

    public Optional<Detail> detail(String key) {
        return details.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The columns as the public interface describes them. */
    public List<Indicator> indicators() {
        return columns.stream().map(c -> new Indicator(c.key(), c.label(), c.indicator(), c.type(), c.unit(),
                c.threshold() == null ? null : c.threshold().describe(c.unit(),
                        c.threshold().per() == null ? null : column(c.threshold().per()).orElseThrow().label()),
                c.listed())).toList();
    }

    /** A declaration the database refuses, found when the warehouse opens: names the SQL file. */
    public InvalidCatalogue sqlError(String problem) {
        int slash = sqlFile.lastIndexOf('/');
        return new InvalidCatalogue(sqlFile.substring(0, slash + 1), sqlFile.substring(slash + 1), null, problem);
    }
}
