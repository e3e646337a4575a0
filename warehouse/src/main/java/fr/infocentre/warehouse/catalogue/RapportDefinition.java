package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Rapport;


import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine needs to compute one rapport, as declared in
 * {@code rapports/<id>.yaml}, {@code rapports/<id>.sql} (and {@code rapports/<id>.stats.sql})
 * and the dimension it references.
 *
 * @param rapport          the public metadata
 * @param dimension        the ordered categories of the rows
 * @param columns          the figure columns, in display order
 * @param total            whether a total line is published
 * @param reference        note template giving the reference date ("{annee}" is replaced)
 * @param horsAssociations whether demandes of a personne morale are excluded
 * @param sql              a single SELECT returning code_commune, categorie, [colonne,] n
 * @param statisticsSql    null, or a single SELECT returning one row per unit: code_commune,
 *                         [categorie,] valeur (the statistic columns aggregate it)
 * @param totalFigure      null, or the name of what the total line counts, shared by the rapports
 *                         whose total line is the same figure ({@code total_figure}: the same
 *                         count in every count column of the same key, territory by territory)
 * @param sameFigures      the lines of this rapport that publish another rapport's figure
 *                         ({@code same_figures}), empty for most
 * @param lineFigures      the lines of this rapport that are a figure other rapports publish too
 *                         ({@code line_figures}: TAB01-01's new demandes of the year), empty for most
 */
public record RapportDefinition(Rapport rapport, Dimension dimension, List<DeclaredColumn> columns, boolean total,
                         String reference, boolean horsAssociations, String sql, String statisticsSql,
                         String totalFigure, List<SameFigure> sameFigures, List<LineFigure> lineFigures) {

    /** The key of the total line (the engine's {@code ComputedTable.TOTAL_KEY}). */
    public static final String TOTAL_LINE = "total";

    /** A rapport holding no line figure. */
    public RapportDefinition(Rapport rapport, Dimension dimension, List<DeclaredColumn> columns, boolean total,
                             String reference, boolean horsAssociations, String sql, String statisticsSql,
                             String totalFigure, List<SameFigure> sameFigures) {
        this(rapport, dimension, columns, total, reference, horsAssociations, sql, statisticsSql, totalFigure,
                sameFigures, List.of());
    }

    /**
     * A line of a rapport that publishes, in some of its count columns, a figure of other
     * rapports ({@link #figureLine}): the December line of the monthly stock is the stock at 31
     * December of series 03. {@code columns} maps a count column of this rapport to the column of
     * the figure it equals. The line may be {@value #TOTAL_LINE}: the sum of the rapport's
     * lines is the figure, whether the rapport publishes it (TAB04-16's total line holds the stock
     * at 31 December and the attributions of the year) or not (TAB02-04's months add up to the
     * year's attributions and new demandes).
     */
    public record SameFigure(String line, String figure, Map<String, String> columns, List<String> plus) {

        /**
         * @param plus the figures added to {@code figure}, when the cell is their sum (TAB04-15's
         *             DALO objective counts TAB04-14's DALO and prioritaires hors DALO); empty for most
         */
        public SameFigure {
            plus = plus == null ? List.of() : List.copyOf(plus);
        }

        /** The cell is {@code figure}'s alone. */
        public SameFigure(String line, String figure, Map<String, String> columns) {
            this(line, figure, columns, List.of());
        }

        /** The figures whose sum the cell is: {@code figure}, then {@code plus}. */
        public List<String> figures() {
            List<String> all = new ArrayList<>(List.of(figure));
            all.addAll(plus);
            return all;
        }

        /** The name of the sum ({@code figure} alone when nothing is added), as the joint attack exchanges it. */
        public String sumName() {
            return String.join(" + ", figures());
        }

        /** Whether the line is the rapport's total line: the sum of its lines. */
        public boolean sumOfLines() {
            return TOTAL_LINE.equals(line);
        }
    }

    /**
     * A line of this rapport that is a figure other rapports publish ({@code line_figures}), in
     * every count column, under the same column keys: TAB01-01's new demandes of the year, which
     * TAB02-04's months add up to.
     */
    public record LineFigure(String line, String figure) {
    }

    /** The figures this rapport holds the status of: its total figure, its line figures. */
    public List<String> ownFigures() {
        List<String> figures = new ArrayList<>();
        if (totalFigure != null) {
            figures.add(totalFigure);
        }
        lineFigures.forEach(f -> figures.add(f.figure()));
        return figures;
    }

    /**
     * The rapport to read a figure from, among those holding it: the one with the most count
     * columns (series 04's total figure has a mutation split TAB04-01 lacks), the first on a tie.
     */
    public static Optional<RapportDefinition> figureHolder(Collection<RapportDefinition> definitions, String figure) {
        RapportDefinition best = null;
        for (RapportDefinition d : definitions) {
            if (d.ownFigures().contains(figure) && (best == null || d.countColumns() > best.countColumns())) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private long countColumns() {
        return columns.stream().filter(DeclaredColumn::isCount).count();
    }

    /** The line holding figure {@code figure} ({@link #ownFigures}): the total line, a line figure's line, or null. */
    public String figureLine(String figure) {
        if (figure.equals(totalFigure)) {
            return TOTAL_LINE;
        }
        return lineFigures.stream().filter(f -> f.figure().equals(figure)).map(LineFigure::line).findFirst()
                .orElse(null);
    }

    /** The count columns the SQL feeds directly (neither sums nor shares nor derived figures). */
    public List<DeclaredColumn> sqlColumns() {
        return columns.stream().filter(DeclaredColumn::fedBySql).toList();
    }

    /** Whether the SQL returns a {@code column} column (it does when it feeds several count columns). */
    public boolean sqlWithColumn() {
        return sqlColumns().size() > 1;
    }

    /**
     * An ordered list of categories, shared by the rapports that reference it; {@code identity},
     * when given, is an accounting identity between its lines that anyone can check on the
     * published figures (the secret statistique must take it into account).
     */
    public record Dimension(String header, String label, List<Category> categories, Identity identity) {

        /**
         * In a dimension of years (some lines declare an offset), the line of year N itself
         * (offset 0 or none): a line of offset k is the figure that line holds in millésime N + k.
         * Empty in a dimension without offsets.
         */
        public Optional<String> currentYearLine() {
            if (categories.stream().allMatch(c -> c.offset() == null || c.offset() == 0)) {
                return Optional.empty();
            }
            return categories.stream().filter(c -> c.offset() == null || c.offset() == 0).map(Category::key)
                    .findFirst();
        }
    }

    /** Σ of the lines {@code left} = Σ of the lines {@code right}, for every territory and column. */
    public record Identity(List<String> left, List<String> right) {

        /** +1 for a line of the left side, −1 for the right side, 0 for a line outside the identity. */
        public int side(String line) {
            return left.contains(line) ? 1 : right.contains(line) ? -1 : 0;
        }
    }

    /**
     * One category: its key (as the SQL returns it) and its French label ("{annee}" is replaced).
     * A line about another year than the rapport's declares it with {@code offset} (−2 for
     * year N−2): "{annee}" is then that year, and the line is left empty (with a note) when
     * the data does not cover that year.
     */
    public record Category(String key, String label, Integer offset) {

        public int millesime(int millesime) {
            return offset == null ? millesime : millesime + offset;
        }
    }

    /**
     * A figure column, one of:
     * <ul>
     *   <li>a count fed by the SQL (none of the fields below);</li>
     *   <li>{@code sum}: the sum of other count columns;</li>
     *   <li>{@code partOf}: the share (%) of a count column in its total;</li>
     *   <li>{@code ratio: [a, b]}: count column a / count column b, one decimal (in %, a × 100 / b,
     *       with {@code percent: true});</li>
     *   <li>{@code variation}: change in % of a count column, against the previous line or
     *       against another count column of the same line, one decimal;</li>
     *   <li>{@code statistic}: {@code mean} or {@code median} of the values returned by
     *       {@code <id>.stats.sql}, over the units of the line and territory, one decimal.</li>
     * </ul>
     */
    public record DeclaredColumn(String key, String label, List<String> sum, String partOf, List<String> ratio,
                           boolean percent, Variation variation, String statistic) {

        static final List<String> STATISTICS = List.of("mean", "median");

        public boolean isPart() {
            return partOf != null;
        }

        public boolean isSum() {
            return sum != null && !sum.isEmpty();
        }

        public boolean isRatio() {
            return ratio != null && !ratio.isEmpty();
        }

        public boolean isVariation() {
            return variation != null;
        }

        public boolean isStatistic() {
            return statistic != null;
        }

        /** A count (fed by the SQL or a sum of counts). */
        public boolean isCount() {
            return !isPart() && !isRatio() && !isVariation() && !isStatistic();
        }

        boolean fedBySql() {
            return isCount() && !isSum();
        }

        /** The count columns it is computed from. */
        List<String> sources() {
            if (isSum()) {
                return sum;
            }
            if (isPart()) {
                return List.of(partOf);
            }
            if (isRatio()) {
                return ratio;
            }
            if (isVariation()) {
                return variation.reference() == null ? List.of(variation.column())
                        : List.of(variation.reference(), variation.column());
            }
            return List.of();
        }

        public Column.Type type() {
            return isPart() || isRatio() && percent ? Column.Type.PART
                    : isCount() ? Column.Type.COUNT : Column.Type.VALUE;
        }
    }

    /**
     * Change in % of count column {@code column}: from the previous line's value, or, when
     * {@code reference} is given, from this line's value of count column {@code reference}.
     */
    public record Variation(String column, String reference) {
    }
}
