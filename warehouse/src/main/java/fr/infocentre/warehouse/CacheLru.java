package fr.infocentre.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the warehouse has already computed (protected tables, masking patterns), least recently
 * used dropped first. A warehouse serves one immutable version and a millésime never changes, so
 * a value computed once is valid for the warehouse's whole life.
 */
final class CacheLru<K, V> {

    private final Map<K, V> valeurs;

    CacheLru(int capacite) {
        this.valeurs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> plusAncienne) {
                return size() > capacite;
            }
        };
    }

    /** The cached value, or null. */
    V trouver(K cle) {
        synchronized (valeurs) {
            return valeurs.get(cle);
        }
    }

    void garder(K cle, V valeur) {
        synchronized (valeurs) {
            valeurs.put(cle, valeur);
        }
    }

    /** The cached value, or the one computed now (outside the lock: two threads may compute the same value once each). */
    V obtenir(K cle, Supplier<V> calcul) {
        synchronized (valeurs) {
            V valeur = valeurs.get(cle);
            if (valeur != null) {
                return valeur;
            }
        }
        V valeur = calcul.get();
        synchronized (valeurs) {
            valeurs.put(cle, valeur);
        }
        return valeur;
    }
}
