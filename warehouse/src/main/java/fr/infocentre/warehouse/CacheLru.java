package fr.infocentre.warehouse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What the warehouse has already computed (protected tables, masking patterns), least recently
 * used dropped first. A warehouse serves one immutable version and a millésime never changes, so
 * a value computed once is valid for the warehouse's whole life.
 */
final class CacheLru<K, V> {

    private final Map<K, V> valeurs;
    private final Map<K, CompletableFuture<V>> enCours = new HashMap<>();

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

    /**
     * The cached value, or the one computed now. A key is computed by one thread at a time: a
     * thread asking for a key being computed waits for that computation and shares its result
     * (or its exception) instead of computing it a second time.
     */
    V obtenir(K cle, Supplier<V> calcul) {
        CompletableFuture<V> attente;
        synchronized (valeurs) {
            V valeur = valeurs.get(cle);
            if (valeur != null) {
                return valeur;
            }
            attente = enCours.get(cle);
            if (attente == null) {
                enCours.put(cle, new CompletableFuture<>());
            }
        }
        return attente != null ? attendre(attente) : calculer(cle, calcul);
    }

    private V calculer(K cle, Supplier<V> calcul) {
        CompletableFuture<V> resultat;
        try {
            V valeur = calcul.get();
            synchronized (valeurs) {
                valeurs.put(cle, valeur);
                resultat = enCours.remove(cle);
            }
            resultat.complete(valeur);
            return valeur;
        } catch (RuntimeException | Error e) {
            synchronized (valeurs) {
                resultat = enCours.remove(cle);
            }
            resultat.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V attendre(CompletableFuture<V> attente) {
        try {
            return attente.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
