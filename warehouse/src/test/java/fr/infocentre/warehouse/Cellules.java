package fr.infocentre.warehouse;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading and checking the cells of a published table. */
final class Cellules {

    private Cellules() {
    }

    static Map<String, Object> ligne(RapportTable table, String cle) {
        if (TableCalculee.CLE_TOTAL.equals(cle)) {
            return table.total();
        }
        return table.lignes().stream().filter(l -> cle.equals(l.get("cle"))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + cle + " in " + table.lignes()));
    }

    static Object cellule(RapportTable table, String ligne, String colonne) {
        Map<String, Object> l = ligne(table, ligne);
        if (!l.containsKey(colonne)) {
            throw new AssertionError("no column " + colonne + " in line " + ligne + ": " + l);
        }
        return l.get(colonne);
    }

    static long effectif(RapportTable table, String ligne, String colonne) {
        return (Long) cellule(table, ligne, colonne);
    }

    /** The lines' keys, in order. */
    static List<Object> cles(RapportTable table) {
        return table.lignes().stream().map(l -> l.get("cle")).toList();
    }

    /** Checks one column over every line, in order: {@code attendus[i]} for line i. */
    static void colonne(RapportTable table, String colonne, long... attendus) {
        assertEquals(attendus.length, table.lignes().size(), "number of lines");
        for (int i = 0; i < attendus.length; i++) {
            assertEquals(attendus[i], table.lignes().get(i).get(colonne),
                    table.rapport().id() + " " + table.territoire().code() + " line " + table.lignes().get(i).get("cle")
                            + " column " + colonne);
        }
    }

    /** Checks one column over every line, in order, a null expected value meaning a masked cell. */
    static void publiee(RapportTable table, String colonne, Long... attendus) {
        assertEquals(attendus.length, table.lignes().size(), "number of lines");
        for (int i = 0; i < attendus.length; i++) {
            String cle = (String) table.lignes().get(i).get("cle");
            assertEquals(attendus[i], table.lignes().get(i).get(colonne), cle + " / " + colonne);
            assertEquals(attendus[i] == null, table.masques().contains(new RapportTable.Masque(cle, colonne)),
                    cle + " / " + colonne + " listed in masques");
        }
    }

    /** Checks the shares over every line, in order. */
    static void parts(RapportTable table, double... attendues) {
        assertEquals(attendues.length, table.lignes().size(), "number of lines");
        for (int i = 0; i < attendues.length; i++) {
            assertEquals(attendues[i], table.lignes().get(i).get("part"),
                    table.territoire().code() + " share of line " + table.lignes().get(i).get("cle"));
        }
    }
}
