package fr.infocentre.api;

import fr.infocentre.warehouse.Niveau;
import fr.infocentre.warehouse.Territoire;

import java.util.Comparator;
import java.util.List;

/** The pickers of a page: levels offered, territories of the chosen level, millésimes (latest first), and the choice. */
record Selecteurs(List<Niveau> niveaux, Niveau niveau, List<Territoire> territoires, String code,
                  List<Integer> annees, int annee) {

    Selecteurs {
        annees = annees.stream().sorted(Comparator.reverseOrder()).toList();
    }
}
