package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.ComputedTable.Count;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people read stays visible: on a generated millésime ({@link GeneratedWarehouse}: two
 * régions, one of them with two départements), every rapport shows the total of every
 * département and région — the headline columns of its total line, those no other column sums —
 * wherever it is 11 or more. The one exception is forced by the
 * data: a total of 1 to 10 in a région (a primary cell) can only be protected by masking a
 * second total beside it, or the région's.
 */
class HeadlineTotalsTest {

    @Test
    void everyDepartementAndRegionTotalOfElevenOrMoreIsShown() {
        DuckDbWarehouse w = (DuckDbWarehouse) GeneratedWarehouse.warehouse();
        GeneratedWarehouse.Raw raw = GeneratedWarehouse.raw();
        int millesime = GeneratedWarehouse.millesime();
        Map<String, String> regionOf = new HashMap<>();
        w.territoires().memberships().values().forEach(m -> regionOf.put(m.departement(), m.region()));
        List<String> hidden = new ArrayList<>();
        long[] checked = new long[2]; // totals ≥ 11 checked, of which forced by a small total
        for (Rapport r : w.catalogue()) {
            RapportDefinition def = w.catalogueDefinitions().definition(r.id()).orElseThrow();
            List<String> headlines = headlines(def);
            Set<String> regionsWithSmallTotal = new HashSet<>();
            List<RapportTable> published = new ArrayList<>();
            List<Level> levels = r.levels().stream().filter(l -> l == Level.REGION || l == Level.DEPARTEMENT).toList();
            w.computeLevels(r.id(), levels, millesime, published::add);
            for (Level level : levels) {
                raw.level(r.id(), level, millesime).forEach((code, t) -> {
                    for (String c : headlines) {
                        long n = count(t, c);
                        if (t.publishedTotal() && n >= 1 && n <= SecretStatistique.MAX_THRESHOLD) {
                            regionsWithSmallTotal.add(level == Level.DEPARTEMENT ? regionOf.get(code) : code);
                        }
                    }
                });
            }
            for (RapportTable t : published) {
                if (t.territoire().level() == Level.NATIONAL) {
                    continue;
                }
                ComputedTable computed = raw.level(r.id(), t.territoire().level(), millesime).get(t.territoire().code());
                String region = t.territoire().level() == Level.DEPARTEMENT ? regionOf.get(t.territoire().code())
                        : t.territoire().code();
                for (String c : headlines) {
                    if (!computed.publishedTotal() || count(computed, c) <= SecretStatistique.MAX_THRESHOLD) {
                        continue;
                    }
                    checked[0]++;
                    if (t.masks().contains(new RapportTable.Mask(ComputedTable.TOTAL_KEY, c))) {
                        if (regionsWithSmallTotal.contains(region)) {
                            checked[1]++;
                        } else {
                            hidden.add(r.id() + " " + t.territoire() + " " + c + " = " + count(computed, c));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hidden, hidden.size() + " totals of 11 or more masked");
        assertTrue(checked[0] > 100, checked[0] + " totals checked");
        assertTrue(checked[1] < checked[0] / 10, checked[1] + " of " + checked[0] + " masked beside a small total");
    }

    /** The count columns no other column sums: the totals people read. */
    private static List<String> headlines(RapportDefinition def) {
        List<String> counts = def.columns().stream().filter(DeclaredColumn::isCount).map(DeclaredColumn::key).toList();
        return counts.stream().filter(c -> def.columns().stream().noneMatch(o -> o.isSum() && o.sum().contains(c))).toList();
    }

    private static long count(ComputedTable t, String column) {
        return t.total().values().get(column) instanceof Count n ? n.n() : 0;
    }
}
