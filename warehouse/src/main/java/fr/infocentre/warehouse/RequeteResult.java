package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a requête counts: exact figures (the restricted space applies no secret statistique), every category of
 * its dimensions listed in the dimension's order, even at 0, with French labels. The rows are the first
 * dimension's categories; the columns the second's, or a single count column « Effectif » for one dimension.
 *
 * @param definition   the requête as it ran
 * @param title        « Demandes en cours au 31/12/2024 par tranche d'âge du demandeur et mutation / hors mutation »
 * @param scope        the territory and the filters, one French line each (« Départements : 06 – Alpes-Maritimes »…)
 * @param dataDate     the extraction date of the data counted
 * @param start        the day counted (demandes en cours) or the first day of the period (satisfaites)
 * @param end          the same day, or the period's last day
 * @param dimensions   the dimensions, rows first
 * @param columns      the columns: the second dimension's categories, or one « Effectif »
 * @param lines        one line per category of the first dimension, in its order
 * @param columnTotals the total of each column
 * @param total        the whole count
 * @param chart        {@code bar} (one dimension) or {@code stacked-bar} (two)
 * @param notes        what was counted and how, the source, and that the figures are exact
 */
public record RequeteResult(RequeteDefinition definition, String title, List<String> scope, LocalDate dataDate,
                            LocalDate start, LocalDate end, List<Dimension> dimensions, List<Category> columns,
                            List<Line> lines, List<Long> columnTotals, long total, String chart, List<String> notes) {

    /** The key and label of the single count column of a requête of one dimension. */
    public static final Category COUNT = new Category("effectif", "Effectif");

    public RequeteResult {
        scope = List.copyOf(scope);
        dimensions = List.copyOf(dimensions);
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        columnTotals = List.copyOf(columnTotals);
        notes = List.copyOf(notes);
    }

    /** A category of a dimension: its key (as the catalogue declares it) and its French label. */
    public record Category(String key, String label) {
    }

    /** A dimension of the catalogue as a requête uses it. */
    public record Dimension(String name, String header, String label, List<Category> categories) {
        public Dimension {
            categories = List.copyOf(categories);
        }
    }

    /** A line: a category of the first dimension, its count in each column, and its total. */
    public record Line(String key, String label, List<Long> counts, long total) {
        public Line {
            counts = List.copyOf(counts);
        }
    }

    /** The header of the lines' column: the first dimension's. */
    public String rowHeader() {
        return dimensions.get(0).header();
    }
}
