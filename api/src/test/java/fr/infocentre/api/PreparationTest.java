package fr.infocentre.api;

import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.Warehouse;


import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background preparation of `serve`, on the generated millésime (extraction 2025-12-28: last millésime 2024). */
class PreparationTest {

    @Test
    void preparesEveryRapportOfTheLastMillesimeAndSaysSo() {
        Warehouse w = GeneratedServer.started().warehouse();
        List<String> log = new ArrayList<>();

        new Preparation(w, log::add).run();

        List<String> ids = w.catalogue().stream().map(Rapport::id).toList();
        assertEquals(ids.size() + 1, log.size(), String.join("\n", log));
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(log.get(i).startsWith("prepared " + ids.get(i) + " 2024 ("), log.get(i));
        }
        assertTrue(log.get(ids.size()).startsWith(ids.size() + "/" + ids.size() + " rapports of 2024 prepared in "),
                log.get(ids.size()));
    }
}
