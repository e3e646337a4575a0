package fr.infocentre.warehouse;

import fr.infocentre.warehouse.serving.Warehouses;


import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of the infocentre: the version of the warehouse named by {@code CURRENT},
 * queried through DuckDB. Thread-safe. Open it with {@code Warehouses.open(dir)}.
 * <p>
 * The public entry point: it serves the rapports of the catalogue's public series only (the
 * visibility declared in {@code rapports/catalogue.yaml}); a rapport of a restricted series is
 * neither listed nor found, and asking for it is refused as an unknown rapport
 * ({@link InvalidRequest.Cause#UNKNOWN_RAPPORT}). A restricted space will have its own entry point.
 */
public interface Warehouse extends AutoCloseable {

    /** Every public rapport of the catalogue, in catalogue order. */
    List<Rapport> catalogue();

    /** The public series of the catalogue, in catalogue order, with their French names. */
    List<Series> series();

    /** The public rapport of that id; empty for an unknown or restricted one. */
    Optional<Rapport> rapport(String id);

    /**
     * Millésimes the data covers, ascending: calendar years whose 31 December is before the
     * extraction date, from the year the kept history starts (earliest radiation date of a demande held as radiated).
     */
    List<Integer> millesimes();

    /** Every territory of that level that the data covers (for national: France alone), sorted by code. */
    List<Territoire> territoires(Level level);

    /** The territory of that level and code, with its name. */
    Optional<Territoire> territoire(Level level, String code);

    /**
     * Computes and protects a rapport for one territory: the same table as
     * {@link #computeLevels} gives for it (one route: the rapport's tables are computed for every
     * territory, protected with one masking pattern, and the one asked is returned).
     *
     * @throws InvalidRequest saying which of rapport (unknown or restricted), level, code or year is wrong
     */
    RapportTable compute(String rapportId, Level level, String code, int millesime);

    /**
     * Same as {@link #compute(String, Level, String, int)} with the level given by its key
     * ({@link Level#key()}: national, region, departement, epci, commune), as found in a URL.
     *
     * @throws InvalidRequest with cause UNKNOWN_LEVEL for an unknown key, or as above
     */
    default RapportTable compute(String rapportId, String level, String code, int millesime) {
        Level n = Level.byKey(level).orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_LEVEL,
                "Niveau inconnu : " + level + " (national, region, departement, epci ou commune)"));
        return compute(rapportId, n, code, millesime);
    }

    /**
     * Computes and protects a rapport for every territory of each of the levels that the data
     * covers, level after level in the order given, territories in the order of
     * {@link #territoires(Level)}, handing each table to {@code output}: all the levels in one
     * pass over the data, the tables protected with the one masking pattern of the rapport and
     * millésime. Meant for publishing the whole catalogue; nothing is cached.
     *
     * @throws InvalidRequest saying which of rapport (unknown or restricted), level or year is wrong
     */
    void computeLevels(String rapportId, List<Level> levels, int millesime, Consumer<RapportTable> output);

    @Override
    void close();
}
