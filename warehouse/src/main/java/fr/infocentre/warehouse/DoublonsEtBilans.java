package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a gestionnaire follows in a département beside the guichets' activity: the doublons potentiels (exact,
 * nominative) and the figures of the semestrial bilan sent to the partners (protected by the secret statistique
 * through the protection step of the public rapports). Reads the same version of the weekly warehouse as the
 * {@link RestrictedWarehouse} it comes from. Thread-safe.
 * <p>
 * Wrong requests throw {@link InvalidRequest} with a French message: a département outside the data
 * (UNKNOWN_TERRITOIRE), a malformed semester, one not ended at the data's date or not covered by the history kept
 * (INVALID_PERIOD).
 */
public interface DoublonsEtBilans {

    /** The extraction date of the warehouse version read. */
    LocalDate dataDate();

    /**
     * The doublons potentiels actifs of a département at the data's date: same {@code id_demandeur}, several
     * demandes active that day whose first-choice commune lies in the département (rapport 06, indicator 16),
     * grouped, with the fields that differ within each group, and the count per guichet.
     *
     * @param guichet a guichet's code to list only the groups holding one of its demandes, or null for all
     * @param limit   the most demandes listed (whole groups), 1 or more
     * @throws InvalidRequest for a département outside the data
     */
    DoublonReport doublons(String departement, String guichet, int limit);

    /**
     * A semester of the bilan, checked: ended at the data's date, and starting on or after the first day of the
     * history kept.
     *
     * @throws InvalidRequest (INVALID_PERIOD) for a malformed key, a semester not ended or not covered
     */
    Semestre semestre(String key);

    /** The semesters a bilan may be asked for (ended and covered), the latest first. */
    List<Semestre> semestres();

    /**
     * The key figures of a département for a semester (TAB07-01, declared in {@code bilan/}): demandes active at the
     * semester's start and end, new demandes, reactivations and radiations by motif of the semester, beside the
     * previous semester and the same semester a year before (columns dropped when the data does not cover them),
     * with their changes in %; hors associations, each demande located by its first-choice commune. Protected by
     * the secret statistique (over every département of the data, their communes as hidden leaves).
     *
     * @throws InvalidRequest for a département outside the data, a semester not ended or not covered
     */
    RapportTable chiffresCles(String departement, Semestre semestre);

    /**
     * Indicator 16 of rapport 06 (doublons potentiels actifs) on the semester's last day for every guichet of the
     * département and the département, protected by the secret statistique. On 31 December it is the column of
     * rapport 06's diffusable version of that year (the same figures, so the same masks); on 30 June it is
     * protected on its own, the guichets as leaves of their département.
     *
     * @throws InvalidRequest for a département outside the data, a semester not ended or not covered
     */
    DoublonsDiffusables doublonsDiffusables(String departement, Semestre semestre);
}
