package fr.infocentre.etl.generator;

import java.time.LocalDate;
import java.util.List;

/**
 * Parameters of a historical extract.
 *
 * @param scale volume relative to France (1 = real volumes)
 * @param seed seed of every random draw: same options, byte-identical extract
 * @param until extraction date: nothing after it is written
 * @param departements perimeter (INSEE codes), empty for all France
 * @param historyFrom demandes radiated before this date are purged from the extract
 */
public record GeneratorOptions(double scale, long seed, LocalDate until, List<String> departements,
                               LocalDate historyFrom) {

    /** Default start of the history kept in a "historical initial extract". */
    public static final LocalDate DEFAULT_HISTORY_FROM = LocalDate.of(2019, 1, 1);

    /** Extraction dates must be after this one, which leaves the simulation a year to fill the stock. */
    static final LocalDate FIRST_EXTRACTION = Calibration.SIMULATION_START.plusYears(1);

    public GeneratorOptions {
        departements = List.copyOf(departements);
        checkWorld(scale, departements);
        if (!until.isAfter(FIRST_EXTRACTION)) {
            throw new IllegalArgumentException("until must be after " + FIRST_EXTRACTION);
        }
        if (historyFrom.isAfter(until)) {
            throw new IllegalArgumentException("history-from " + historyFrom + " is after until " + until);
        }
    }

    /** The checks of the options every generation shares: scale and perimeter. */
    static void checkWorld(double scale, List<String> departements) {
        if (!(scale > 0) || scale > 20) {
            throw new IllegalArgumentException("scale must be in ]0, 20]: " + scale);
        }
        if (departements.stream().distinct().count() != departements.size()) {
            throw new IllegalArgumentException("departements listed twice: " + departements);
        }
    }
}
