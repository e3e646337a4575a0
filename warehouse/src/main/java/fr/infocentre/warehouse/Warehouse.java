package fr.infocentre.warehouse;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of the infocentre: the version of the warehouse named by {@code CURRENT},
 * queried through DuckDB. Thread-safe. Open it with {@code Warehouses.open(dir)}.
 */
public interface Warehouse extends AutoCloseable {

    /** Every rapport of the catalogue, in catalogue order. */
    List<Rapport> catalogue();

    Optional<Rapport> rapport(String id);

    /**
     * Millésimes the data covers, ascending: calendar years whose 31 December is before the
     * extraction date, from the year the kept history starts (earliest radiation date of a demande held as radiated).
     */
    List<Integer> annees();

    /** Every territory of that level that the data covers (for national: France alone), sorted by code. */
    List<Territoire> territoires(Niveau niveau);

    /** The territory of that level and code, with its name. */
    Optional<Territoire> territoire(Niveau niveau, String code);

    /**
     * Computes and protects a rapport.
     *
     * @throws RequeteInvalide saying which of rapport, level, code or year is wrong
     */
    RapportTable calculer(String rapportId, Niveau niveau, String code, int annee);

    /**
     * Does ahead of requests the costly part of the first request for a rapport and millésime:
     * computing its linked tables and choosing their masking pattern. Requests that arrive while it
     * runs wait for it instead of doing it again. Returns at once when already done.
     *
     * @throws RequeteInvalide saying which of rapport or year is wrong
     */
    void preparer(String rapportId, int annee);

    /**
     * Same as {@link #calculer(String, Niveau, String, int)} with the level given by its key
     * ({@link Niveau#cle()}: national, region, departement, epci, commune), as found in a URL.
     *
     * @throws RequeteInvalide with cause NIVEAU_INCONNU for an unknown key, or as above
     */
    default RapportTable calculer(String rapportId, String niveau, String code, int annee) {
        Niveau n = Niveau.parCle(niveau).orElseThrow(() -> new RequeteInvalide(RequeteInvalide.Cause.NIVEAU_INCONNU,
                "Niveau inconnu : " + niveau + " (national, region, departement, epci ou commune)"));
        return calculer(rapportId, n, code, annee);
    }

    /**
     * Computes and protects a rapport for every territory of each of the levels that the data
     * covers, level after level in the order given, territories in the order of
     * {@link #territoires(Niveau)}, handing each table to {@code sortie} as soon as it is ready:
     * for each territory, the same table as {@link #calculer(String, Niveau, String, int)}. Meant
     * for publishing the whole catalogue: an implementation may compute all the levels in one
     * pass over the data, and need not cache the tables.
     *
     * @throws RequeteInvalide saying which of rapport, level or year is wrong
     */
    default void calculerNiveaux(String rapportId, List<Niveau> niveaux, int annee, Consumer<RapportTable> sortie) {
        for (Niveau niveau : niveaux) {
            for (Territoire t : territoires(niveau)) {
                sortie.accept(calculer(rapportId, niveau, t.code(), annee));
            }
        }
    }

    @Override
    void close();
}
