package fr.infocentre.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The restricted entry point: rapport TAB06-01, <em>suivi de l'activité des guichets</em> (series
 * 06, visibility restricted), for gestionnaires territoriaux and State services. It reads the
 * current weekly warehouse (the version named by {@code CURRENT}; {@link #dataDate()} is its
 * extraction date), not the releases. Thread-safe. Open it with
 * {@code fr.infocentre.warehouse.restricted.RestrictedWarehouses.open(dir)}.
 * <p>
 * {@link #rapport06} gives exact figures, for authorised gestionnaires only; {@link #diffusable}
 * the version for the comité de suivi and partners, protected by the secret statistique with the
 * protection step of the public rapports. The caller checks who may see what: {@link #departements}
 * and {@link Guichet#departement()} say which départements a request touches.
 * <p>
 * The public entry point ({@link Warehouse}) never lists nor computes this rapport.
 * <p>
 * Wrong requests throw {@link InvalidRequest} with a French message: an unknown kind of scope
 * (UNKNOWN_LEVEL), an unknown département, région or guichet, or one outside the data
 * (UNKNOWN_TERRITOIRE), a malformed period, a period the rapport does not offer or the data does not
 * cover, a number of months out of range (INVALID_PERIOD), an unknown indicator (UNKNOWN_RAPPORT).
 */
public interface GuichetActivity extends AutoCloseable {

    /** The rapport served. */
    String RAPPORT = "TAB06-01";

    /** Its metadata (title, description…). */
    Rapport rapport();

    /** Its columns, in display order. */
    List<Indicator> indicators();

    /** The extraction date of the warehouse version read. */
    LocalDate dataDate();

    /** The first day a period may start: 1 January of the year the kept history starts (as for the millésimes). */
    LocalDate coveredFrom();

    /** The kinds of period offered by {@link #rapport06}. */
    List<Period.Kind> periods();

    /** The kinds of period offered by {@link #diffusable}. */
    List<Period.Kind> diffusablePeriods();

    /** The départements (DEPARTEMENT) or régions (REGION) the data covers, by code. */
    List<Territoire> territoires(Level level);

    /**
     * The départements a scope covers, by code: the département itself, the région's départements
     * covered by the data, the guichet's département.
     *
     * @throws InvalidRequest for an unknown territory or guichet
     */
    List<String> departements(Scope scope);

    /**
     * The guichets of a scope, open or closed, by code.
     *
     * @throws InvalidRequest for an unknown territory or guichet
     */
    List<Guichet> guichets(Scope scope);

    /** A guichet of the départements covered by the data. */
    Optional<Guichet> guichet(String code);

    /**
     * The table with exact figures: one row per guichet of the scope open during the period or with
     * any activity in it, the reference lines, the flags.
     *
     * @throws InvalidRequest for a wrong scope or period
     */
    ActivityTable rapport06(Scope scope, Period period);

    /**
     * The diffusable version of the table: the same rows and columns, protected by the secret
     * statistique (counts 1 to 10 masked, and the complementary cells chosen so that none can be
     * recomputed, from the reference lines either), each rate or mean masked with a count it is
     * computed from, and the flags resting on a masked figure removed; masked cells are null and
     * listed, a note says so. Offered for the period kinds {@link #diffusablePeriods()}, over
     * periods ended at the extraction date.
     *
     * @throws InvalidRequest for a wrong scope or period
     */
    ActivityTable diffusable(Scope scope, Period period);

    /**
     * The units behind an indicator of a guichet for a period (exact, nominative: restricted
     * version only), at most {@code limit} rows.
     *
     * @param indicator an indicator key ({@link Indicator#key()})
     * @param limit     1 or more
     * @throws InvalidRequest for an unknown indicator or guichet, or a wrong period
     */
    DemandeList demandesBehind(String indicator, String guichet, Period period, int limit);

    /**
     * The guichet's indicators over the last {@code months} months (1 to 24), up to the month
     * holding the extraction date, with its département's reference line: exact figures.
     *
     * @param indicator one indicator key, or empty for all of them
     * @throws InvalidRequest for an unknown guichet or indicator, a number of months out of range or
     *                        reaching before {@link #coveredFrom()}
     */
    GuichetEvolution evolution(String guichet, Optional<String> indicator, int months);

    @Override
    void close();
}
