package fr.infocentre.warehouse;

import fr.infocentre.warehouse.RequeteDefinition.Population;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a requête can ask of the version served: its dates, the dimensions of the catalogue each population can
 * be counted by, the territories and guichets of the data, and the limits every requête runs under.
 *
 * @param dataDate     the extraction date: the last day a requête may count
 * @param coveredFrom  the first day a requête may count (the kept history's start: before it, radiated demandes
 *                     may have been purged by the SNE)
 * @param dimensions   the dimensions of the catalogue usable by a requête, in the catalogue's order
 * @param departements the départements the data covers
 * @param epci         the EPCI of the data, with the départements of their communes covered
 * @param guichets     the guichets of the data, with their département
 * @param timeout      how long a requête may run before it is interrupted
 * @param maxRows      how many rows its result may hold (categories of the rows × categories of the columns)
 */
public record RequeteOptions(LocalDate dataDate, LocalDate coveredFrom, List<DimensionChoice> dimensions,
                             List<Territoire> departements, List<Epci> epci, List<Guichet> guichets,
                             Duration timeout, int maxRows) {

    public RequeteOptions {
        dimensions = List.copyOf(dimensions);
        departements = List.copyOf(departements);
        epci = List.copyOf(epci);
        guichets = List.copyOf(guichets);
    }

    /** A dimension, with the populations whose demandes hold every input it reads. */
    public record DimensionChoice(String name, String header, String label, List<RequeteResult.Category> categories,
                                  Set<Population> populations) {
        public DimensionChoice {
            categories = List.copyOf(categories);
            populations = Set.copyOf(populations);
        }
    }

    /** An EPCI and the départements of its communes the data covers (89 EPCI straddle two départements). */
    public record Epci(String code, String name, List<String> departements) {
        public Epci {
            departements = List.copyOf(departements);
        }
    }

    /** The dimensions a population can be counted (or filtered) by. */
    public List<DimensionChoice> dimensions(Population population) {
        return dimensions.stream().filter(d -> d.populations().contains(population)).toList();
    }
}
