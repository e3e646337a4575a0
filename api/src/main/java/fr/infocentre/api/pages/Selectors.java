package fr.infocentre.api.pages;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Territoire;


import java.util.Comparator;
import java.util.List;

/** The pickers of a page: levels offered, territories of the chosen level, millésimes (latest first), and the choice. */
record Selectors(List<Level> levels, Level level, List<Territoire> territoires, String code,
                  List<Integer> millesimes, int millesime) {

    Selectors {
        millesimes = millesimes.stream().sorted(Comparator.reverseOrder()).toList();
    }
}
