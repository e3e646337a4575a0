package fr.infocentre.api.gestion;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the pages show them: French, in Paris time. */
final class Dates {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE);

    private Dates() {
    }

    /** « 7 décembre 2026 à 14h05 ». */
    static String longForm(Instant instant) {
        return LONG.format(instant.atZone(PARIS));
    }

    /** « 07/12/2026 14:05:09 ». */
    static String shortForm(Instant instant) {
        return SHORT.format(instant.atZone(PARIS));
    }
}
