package fr.infocentre.warehouse.serving;

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
public final class LruCache<K, V> {

    private final Map<K, V> values;
    private final Map<K, CompletableFuture<V>> enCours = new HashMap<>();

    LruCache(int capacity) {
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> oldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or null. */
    public V find(K key) {
        synchronized (values) {
            return values.get(key);
        }
    }

    public void keep(K key, V value) {
        synchronized (values) {
            values.put(key, value);
        }
    }

    /**
     * The cached value, or the one computed now. A key is computed by one thread at a time: a
     * thread asking for a key being computed waits for that computation and shares its result
     * (or its exception) instead of computing it a second time.
     */
    public V obtain(K key, Supplier<V> computation) {
        CompletableFuture<V> waiting;
        synchronized (values) {
            V value = values.get(key);
            if (value != null) {
                return value;
            }
            waiting = enCours.get(key);
            if (waiting == null) {
                enCours.put(key, new CompletableFuture<>());
            }
        }
        return waiting != null ? await(waiting) : compute(key, computation);
    }

    private V compute(K key, Supplier<V> computation) {
        CompletableFuture<V> result;
        try {
            V value = computation.get();
            synchronized (values) {
                values.put(key, value);
                result = enCours.remove(key);
            }
            result.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (values) {
                result = enCours.remove(key);
            }
            result.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> waiting) {
        try {
            return waiting.join();
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
