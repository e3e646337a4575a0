package fr.infocentre.warehouse;

/**
 * A column of a series-06 table ({@link GuichetActivity}), as declared in the rapport's YAML: a
 * count, a rate (%) with its count columns beside it, or a mean in days.
 *
 * @param key       the column's key in every row's values
 * @param label     French header
 * @param numero    the indicator's number in the series-06 table of docs/rapports.md (1–21); null
 *                  for a count shown beside a rate it is the numerator of
 * @param type      COUNT, PART (a rate in %) or VALUE (a mean)
 * @param unit      "jours", "%" or null for a count
 * @param threshold in French, when the value is flagged ("signalé au-delà de 0 %"); null: never flagged
 * @param demandes  the count column whose units {@link GuichetActivity#demandesBehind} lists for this
 *                  indicator (itself for a count, the numerator of a rate, the units a mean averages)
 */
public record Indicator(String key, String label, Integer numero, Column.Type type, String unit, String threshold,
                        String demandes) {
}
