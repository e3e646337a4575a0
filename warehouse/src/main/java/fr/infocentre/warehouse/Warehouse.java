package fr.infocentre.warehouse;

import java.util.List;
import java.util.Optional;

/**
 * The read side of the infocentre: the version of the warehouse named by {@code CURRENT},
 * queried through DuckDB. Thread-safe. Open it with {@code Warehouses.open(dir)}.
 */
public interface Warehouse extends AutoCloseable {

    /** Every rapport of the catalogue, in catalogue order. */
    List<Rapport> catalogue();

    Optional<Rapport> rapport(String id);

    /** Millésimes the data covers (full calendar years before the extraction date), ascending. */
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

    @Override
    void close();
}
