package fr.infocentre.etl.generator;

import fr.infocentre.etl.generator.Codes.MotifRadiation;
import java.util.List;

/**
 * The whole life of a demande, from its registration to its final radiation, whatever the
 * extraction date: its events in date order (the first is the CREATION, on the registration
 * date), its successive situations (the first from the registration date) and its attribution,
 * if a lease was signed. An extract shows it as it stands on the extraction date: {@link #at}.
 */
record Life(List<Evenement> evenements, List<Situation> situations, Attribution attribution) {

    /**
     * The demande as the SNE holds it at the end of {@code day}, or null if it is not registered
     * by then: the events dated up to that day — but the radiation for an attribution, shown
     * only once the attribution is entered (date_saisie) — and the situation of that day.
     */
    Snapshot at(int day) {
        if (evenements.get(0).date() > day) {
            return null;
        }
        int shown = 0;
        int renewal = -1;
        int radiation = -1;
        MotifRadiation motif = null;
        int pieces = 0;
        for (Evenement e : evenements) {
            if (e.date() > day || (e.motif() == MotifRadiation.ATTRIBUTION && attribution.dateSaisie() > day)) {
                break;
            }
            shown++;
            pieces += e.pieces();
            switch (e.type()) {
                case RENOUVELLEMENT -> renewal = e.date();
                case RADIATION -> {
                    radiation = e.date();
                    motif = e.motif();
                }
                case REACTIVATION -> {
                    radiation = -1;
                    motif = null;
                }
                default -> { }
            }
        }
        Situation situation = situations.get(0);
        for (Situation s : situations) {
            if (s.from() > day) {
                break;
            }
            situation = s;
        }
        return new Snapshot(evenements.subList(0, shown), renewal, radiation, motif, pieces, situation,
                motif == MotifRadiation.ATTRIBUTION ? attribution : null);
    }

    /**
     * Whether the extract of {@code day} shows this life to its end, a final radiation dated before
     * {@code historyFrom}: then it purges the demande ({@link #at} need not be asked). The life's
     * last event is its final radiation, shown from its date or, for an attribution, from its entry.
     */
    boolean endedBefore(int historyFrom, int day) {
        int end = evenements.get(evenements.size() - 1).date();
        return end < historyFrom && (attribution == null ? end : attribution.dateSaisie()) <= day;
    }

    /**
     * A demande as an extract shows it: its row of demandes.csv (with the {@link Demande}'s
     * fixed fields), its rows of evenements.csv and attributions.csv.
     *
     * @param evenements the events shown, in date order; the last one dates date_modification
     * @param dateRenouvellement epoch day of the last renewal shown, or -1
     * @param dateRadiation epoch day of the radiation, or -1 while active
     * @param attribution the attribution entered, or null
     */
    record Snapshot(List<Evenement> evenements, int dateRenouvellement, int dateRadiation,
                    MotifRadiation motifRadiation, int nbPieces, Situation situation, Attribution attribution) {

        int dateModification() {
            return evenements.get(evenements.size() - 1).date();
        }
    }
}
