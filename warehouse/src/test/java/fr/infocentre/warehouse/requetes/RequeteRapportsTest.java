package fr.infocentre.warehouse.requetes;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.RequeteDefinition.Population;
import fr.infocentre.warehouse.RequeteOptions;
import fr.infocentre.warehouse.RequeteResult;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.fixtures.MiniWarehouse;
import fr.infocentre.warehouse.fixtures.Series04Warehouse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.infocentre.warehouse.requetes.RequeteFixtures.definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A requête by a rapport's dimension counts what the rapport counts: the demandes en cours at 31 December 2024
 * (series 03) and the demandes satisfaites of 2024 (series 04), hors associations, line by line, nationally and
 * in each département — against the rapports as computed (before the secret statistique), whose own tests check
 * them against figures worked out by hand. The same definitions through a second route (the rapports' SQL files).
 */
class RequeteRapportsTest {

    /** TAB04-16 counts two populations at once (demandes en cours and attributions, by typologie). */
    private static final List<String> NOT_ONE_POPULATION = List.of("TAB04-16");

    @Test
    void theMiniExtract() {
        assertTrue(compare(RequeteFixtures.mini(), MiniWarehouse.unprotected()) >= 25);
    }

    @Test
    void theSerie04Variant() {
        assertTrue(compare(RequeteFixtures.serie04(), Series04Warehouse.unprotected()) >= 25);
    }

    /** Compares every comparable rapport of series 03 and 04; returns how many were. */
    private static int compare(Requetes requetes, Warehouse rapports) {
        Catalogue catalogue = Catalogue.load();
        RequeteOptions options = requetes.options();
        int compared = 0;
        for (var rapport : catalogue.rapports()) {
            Population population = switch (rapport.series()) {
                case "03" -> Population.EN_COURS;
                case "04" -> Population.SATISFAITES;
                default -> null;
            };
            if (population == null || NOT_ONE_POPULATION.contains(rapport.id())) {
                continue;
            }
            RapportDefinition def = catalogue.definition(rapport.id()).orElseThrow();
            Optional<RequeteOptions.DimensionChoice> dimension = options.dimensions(population).stream()
                    .filter(d -> d.label().equals(def.dimension().label())).findFirst();
            if (dimension.isEmpty()) {
                continue; // quartile-uc, the objectives: no macro a requête can call on its population
            }
            for (List<String> territory : List.of(List.of("national", "FR", "06", "69"), List.of("departement", "06", "06"),
                    List.of("departement", "69", "69"))) {
                RapportTable table = rapports.compute(rapport.id(), Level.byKey(territory.get(0)).orElseThrow(),
                        territory.get(1), 2024);
                Map<String, Long> expected = new LinkedHashMap<>();
                for (Map<String, Object> line : table.lines()) {
                    long n = 0;
                    for (RapportDefinition.DeclaredColumn c : def.sqlColumns()) {
                        Object v = line.get(c.key());
                        n += v == null ? 0 : ((Number) v).longValue();
                    }
                    expected.put(String.valueOf(line.get("cle")), n);
                }
                List<String> p = new ArrayList<>(population == Population.EN_COURS
                        ? List.of("population", "en-cours", "date", "2024-12-31")
                        : List.of("population", "satisfaites", "du", "2024-01-01", "au", "2024-12-31"));
                p.addAll(List.of("dimension", dimension.get().name()));
                territory.subList(2, territory.size()).forEach(d -> p.addAll(List.of("departement", d)));
                RequeteResult result = requetes.run(definition(p.toArray(String[]::new)));
                Map<String, Long> found = new LinkedHashMap<>();
                result.lines().forEach(l -> found.put(l.key(), l.total()));
                assertEquals(expected, found, rapport.id() + " " + territory);
            }
            compared++;
        }
        return compared;
    }
}
