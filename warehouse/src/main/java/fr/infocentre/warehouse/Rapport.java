package fr.infocentre.warehouse;

import java.util.List;

/**
 * The metadata of one rapport, as declared next to its SQL file
 * ({@code rapports/<id>.yaml} beside {@code rapports/<id>.sql}).
 *
 * @param id          TABss-nn
 * @param series      "01" … "06"
 * @param title       French title
 * @param description what is counted, at which date, what is excluded
 * @param dimension   the dimension of the rows (e.g. "tranche d'âge du demandeur")
 * @param levels      levels at which it is published
 * @param chart       the chart that suits it: bar, stacked-bar, line, pie
 */
public record Rapport(String id, String series, String title, String description, String dimension,
                      List<Level> levels, String chart) {
}
