package fr.infocentre.warehouse;

/**
 * The requêtes of the espace gestionnaire over one version of the weekly warehouse: a table a gestionnaire
 * builds from the catalogue's dimensions ({@link RequeteDefinition}), counted exactly. The SQL is assembled from
 * the catalogue's declared dimensions (their generated macros), fixed table and column names, and bound
 * parameters only; every requête runs under a time limit and a row limit ({@link RequeteOptions#timeout()},
 * {@link RequeteOptions#maxRows()}). Rights are the caller's: the départements of a definition must be checked
 * against the account's scope before it runs; everything else a definition names (EPCI, communes, guichets) is
 * checked here to lie within its départements. Thread-safe.
 */
public interface Requetes {

    /** What can be asked: dates, dimensions per population, territories, guichets, limits. */
    RequeteOptions options();

    /**
     * Counts a requête.
     *
     * @throws InvalidRequest {@link InvalidRequest.Cause#INVALID_PARAMETER} (a dimension unknown or not applicable
     *                        to the population, a category, territory or guichet not in the data or outside the
     *                        départements, a date outside the data), {@link InvalidRequest.Cause#TOO_MANY_ROWS},
     *                        {@link InvalidRequest.Cause#QUERY_TIMEOUT}; French messages
     */
    RequeteResult run(RequeteDefinition definition);

    /**
     * Checks a requête as {@link #run} does (dimensions, categories, territories, guichets, dates, the row limit),
     * without counting it.
     *
     * @throws InvalidRequest as {@link #run}, but {@link InvalidRequest.Cause#QUERY_TIMEOUT}
     */
    void check(RequeteDefinition definition);
}
