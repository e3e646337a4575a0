package fr.infocentre.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The protected tables already computed, least recently used dropped first. A warehouse
 * serves one immutable version and a millésime never changes, so a table computed once is
 * valid for the warehouse's whole life.
 */
final class CacheRapports {

    record Cle(String rapport, Niveau niveau, String code, int annee) {
    }

    private final Map<Cle, RapportTable> tables;

    CacheRapports(int capacite) {
        this.tables = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Cle, RapportTable> plusAncienne) {
                return size() > capacite;
            }
        };
    }

    /** The cached table, or the one computed now (outside the lock: two threads may compute the same table once each). */
    RapportTable obtenir(Cle cle, Supplier<RapportTable> calcul) {
        synchronized (tables) {
            RapportTable table = tables.get(cle);
            if (table != null) {
                return table;
            }
        }
        RapportTable table = calcul.get();
        synchronized (tables) {
            tables.put(cle, table);
        }
        return table;
    }
}
