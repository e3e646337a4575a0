package fr.infocentre.etl.generator;

import java.util.List;

/**
 * What happened to a demande up to the extraction date: its events in date order, its state
 * (last renewal, radiation) and its attribution if a lease was signed and entered.
 *
 * @param dateRadiation epoch day, or -1 while active
 * @param dateRenouvellement epoch day of the last renewal, or -1 if never renewed
 */
record Life(List<Evenement> evenements, int dateRenouvellement, int dateRadiation, Codes.MotifRadiation motifRadiation,
            int dateModification, int nbPieces, Attribution attribution) {

    boolean active() {
        return dateRadiation < 0;
    }
}
