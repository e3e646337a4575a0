package fr.infocentre.api.render;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;


import io.javalin.http.Context;

import java.util.Optional;

/** What the downloads of a rapport table (CSV, XLSX, PDF) share: their file name and the French lines of their heading. */
public final class Downloads {

    /** The note of every table naming its source ("Source : SNE, extraction du 28/12/2025."). */
    private static final String SOURCE_NOTE = "Source :";

    /** What "s" means, for the files' notes (the table's own notes say which counts are masked). */
    public static final String SIGN_MASKED = "valeur masquée au titre du secret statistique : un effectif trop faible,"
            + " ou une case choisie pour qu'un tel effectif ne puisse pas être recalculé (voir les notes).";
    /** What an empty cell means. */
    public static final String SIGN_EMPTY = "valeur qui n'existe pas (rapport dont le dénominateur est nul, année non"
            + " couverte par les données).";

    private Downloads() {
    }

    /** For example TAB03-02_departement_06_2024.xlsx: rapport, level, territory code and millésime. */
    public static String fileName(RapportTable table, String extension) {
        return String.join("_", table.rapport().id(), table.territoire().level().key(), table.territoire().code(),
                String.valueOf(table.millesime())) + "." + extension;
    }

    /** Sends a file as an attachment named after the table. */
    static void attachment(Context ctx, RapportTable table, String contentType, String extension, byte[] content) {
        ctx.contentType(contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(table, extension) + "\"")
                .result(content);
    }

    /** "France", "Département : Alpes-Maritimes (code INSEE 06)", "EPCI : CC du Briançonnais (code SIREN 240500439)". */
    public static String territoire(Territoire t) {
        if (t.level() == Level.NATIONAL) {
            return t.name();
        }
        String code = t.level() == Level.EPCI ? "code SIREN " : "code INSEE ";
        return t.level().label() + " : " + t.name() + " (" + code + t.code() + ")";
    }

    public static String millesime(RapportTable table) {
        return "Millésime : " + table.millesime();
    }

    /** The table's source note, when it has one. */
    public static Optional<String> source(RapportTable table) {
        return table.notes().stream().filter(n -> n.startsWith(SOURCE_NOTE)).findFirst();
    }
}
