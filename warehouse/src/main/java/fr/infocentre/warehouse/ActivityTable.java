package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The table of rapport TAB06-01 for a scope and a period ({@link GuichetActivity#rapport06},
 * {@link GuichetActivity#diffusable}): one row per guichet, one column per indicator, and the
 * reference lines — each département's value (the activity of all its guichets), plus the région's
 * in a région's table — each value flagged where it falls outside its threshold.
 *
 * @param scope      as asked
 * @param scopeName  the territory's name, or the guichet's libelle
 * @param period     as asked
 * @param start      the first day counted
 * @param end        the last day counted: the period's last day, or the extraction date for a period in progress
 * @param complete   whether the period is over at the extraction date
 * @param dataDate   the extraction date of the warehouse version read (the data's date)
 * @param diffusable whether this is the diffusable version (secret statistique applied)
 * @param indicators the columns, in display order
 * @param guichets   by département then code: the guichets of the scope open during the period or
 *                   with any activity in it; in the diffusable version every guichet of the scope
 *                   (which guichets are listed must say nothing of their counts)
 * @param references the reference lines: each département of the scope (by code), then the région
 *                   for a région's table
 * @param notes      French notes shown under the table (reference dates, definitions, the secret statistique)
 */
public record ActivityTable(Rapport rapport, Scope scope, String scopeName, Period period, LocalDate start, LocalDate end,
                            boolean complete, LocalDate dataDate, boolean diffusable, List<Indicator> indicators,
                            List<ActivityRow> guichets, List<ActivityRow> references, List<String> notes) {

    /** The row of a guichet, if listed. */
    public Optional<ActivityRow> guichet(String code) {
        return guichets.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The reference line of a département (or, kind REGION, of the région). */
    public Optional<ActivityRow> reference(ActivityRow.Kind kind, String code) {
        return references.stream().filter(r -> r.kind() == kind && r.code().equals(code)).findFirst();
    }

    /** The reference line a guichet's row is compared with: its département's. */
    public Optional<ActivityRow> referenceOf(ActivityRow guichet) {
        return reference(ActivityRow.Kind.DEPARTEMENT, guichet.departement());
    }
}
