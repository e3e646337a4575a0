package fr.infocentre.warehouse;

import java.util.Map;
import java.util.Set;

/**
 * One row of a series-06 table ({@link ActivityTable}): a guichet, or a reference line (a
 * département: the sum of its guichets' activity; a région, in a région's table).
 *
 * @param kind        a guichet, a département or a région
 * @param code        code_guichet, or the INSEE code of the département or région
 * @param name        the guichet's libelle, or the territory's name
 * @param departement the guichet's département (the row's own code for a département; null for a région):
 *                    the reference line a guichet's flags compare it with
 * @param values      indicator key → value: a count ({@link Long}), a rate or a mean ({@link Double}, one
 *                    decimal), or null (masked, or undefined: a rate or a mean over no unit)
 * @param flagged     the indicators whose value falls outside their threshold
 * @param masked      the indicators masked by the secret statistique (diffusable version only; their
 *                    value is null); empty in the restricted version
 */
public record ActivityRow(Kind kind, String code, String name, String departement, Map<String, Object> values,
                          Set<String> flagged, Set<String> masked) {

    /** What a row stands for. */
    public enum Kind { GUICHET, DEPARTEMENT, REGION }

    /** Whether the cell is masked by the secret statistique (a null value that is not masked does not exist). */
    public boolean masked(String indicator) {
        return masked.contains(indicator);
    }

    public boolean flagged(String indicator) {
        return flagged.contains(indicator);
    }

    public Object value(String indicator) {
        return values.get(indicator);
    }
}
