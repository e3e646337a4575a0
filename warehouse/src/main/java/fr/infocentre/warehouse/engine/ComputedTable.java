package fr.infocentre.warehouse.engine;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.secret.SecretStatistique;


import java.util.List;
import java.util.Map;

/**
 * A rapport as computed, before the secret statistique: exact counts everywhere. It never
 * leaves this package; {@link SecretStatistique} turns it into the public {@link RapportTable}.
 *
 * @param lines          the category lines, in the dimension's order
 * @param total          the total line (always computed: shares are taken from it)
 * @param publishedTotal whether the total line is published
 * @param notes          notes on what is counted (the protection adds its own)
 */
public record ComputedTable(Rapport rapport, Territoire territoire, int millesime, List<Column> columns,
                     List<Line> lines, Line total, boolean publishedTotal, List<String> notes) {

    public static final String TOTAL_KEY = RapportDefinition.TOTAL_LINE;

    /** One line: category key, label and one value per figure column. */
    public record Line(String key, String label, Map<String, Value> values) {
    }

    /** A figure: a count, a share, another figure derived from counts, a statistic, or nothing. */
    public sealed interface Value permits Count, Part, Derived, Statistic, NotAvailable {
    }

    /** A count of demandes or attributions. */
    public record Count(long n) implements Value {
    }

    /**
     * The share (%) of this line's count in the total's count of column {@code countColumn};
     * {@code percentage} is null when the total is 0.
     */
    public record Part(Double percentage, String countColumn) implements Value {
    }

    /**
     * A figure computed from counts (a ratio, a change in %): {@code value} is null when it is
     * undefined (division by 0); {@code sources} are the count cells it is computed from (a
     * masked source masks it).
     */
    public record Derived(Double value, List<Cell> sources) implements Value {
    }

    /** A mean or a median over {@code units} units (null over none). */
    public record Statistic(Double value, long units) implements Value {
    }

    /**
     * A cell the data cannot fill (a year before the history kept, a change with no previous
     * line): published empty, not masked, explained by a note.
     */
    record NotAvailable() implements Value {
    }

    /** A cell of the table: line key (or {@value #TOTAL_KEY}) and column key. */
    public record Cell(String line, String column) {
    }
}
