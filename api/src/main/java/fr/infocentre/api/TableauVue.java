package fr.infocentre.api;

import fr.infocentre.warehouse.Colonne;
import fr.infocentre.warehouse.RapportTable;

import java.util.List;
import java.util.Map;

/** A rapport's table as the page shows it: French figures, "s" for masked cells, the total line apart. */
record TableauVue(List<EnTete> entetes, List<List<Cellule>> lignes, List<Cellule> total) {

    record EnTete(String libelle, boolean nombre) {
    }

    record Cellule(String texte, boolean nombre, boolean masque) {
    }

    static TableauVue de(RapportTable table) {
        List<Colonne> colonnes = table.colonnes();
        return new TableauVue(
                colonnes.stream().map(c -> new EnTete(c.libelle(), nombre(c))).toList(),
                table.lignes().stream().map(l -> cellules(table, l, null)).toList(),
                table.total() == null ? null : cellules(table, table.total(), "Total"));
    }

    /** One line's cells; a non-null label replaces the category column (the total line). */
    private static List<Cellule> cellules(RapportTable table, Map<String, Object> valeurs, String libelle) {
        return table.colonnes().stream().map(c -> {
            if (!nombre(c)) {
                return new Cellule(libelle != null ? libelle : String.valueOf(valeurs.get(c.cle())), false, false);
            }
            Object valeur = valeurs.get(c.cle());
            boolean masque = table.masque(valeurs, c.cle());
            return new Cellule(Valeurs.page(valeur, c.type(), masque), true, masque);
        }).toList();
    }

    private static boolean nombre(Colonne c) {
        return c.type() != Colonne.Type.LIBELLE;
    }
}
