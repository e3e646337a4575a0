package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LruCacheTest {

    private record Key(String rapport, Level level, String code, int millesime) {
    }

    private static RapportTable table(String id) {
        Rapport r = new Rapport(id, "03", "t", "d", "dim", List.of(Level.NATIONAL), "bar");
        return new RapportTable(r, Territoire.FRANCE, 2024, List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void computesATableOnceThenServesItFromTheCache() {
        LruCache<Key, RapportTable> cache = new LruCache<Key, RapportTable>(10);
        AtomicInteger computations = new AtomicInteger();
        Key key = new Key("TAB03-02", Level.NATIONAL, "FR", 2024);

        RapportTable first = cache.obtain(key, () -> { computations.incrementAndGet(); return table("TAB03-02"); });
        RapportTable second = cache.obtain(key, () -> { computations.incrementAndGet(); return table("TAB03-02"); });

        assertSame(first, second);
        assertEquals(1, computations.get());
    }

    @Test
    void dropsTheLeastRecentlyUsedTableBeyondItsCapacity() {
        LruCache<Key, RapportTable> cache = new LruCache<Key, RapportTable>(2);
        AtomicInteger computations = new AtomicInteger();
        Key a = new Key("A", Level.NATIONAL, "FR", 2024);
        Key b = new Key("B", Level.NATIONAL, "FR", 2024);
        Key c = new Key("C", Level.NATIONAL, "FR", 2024);
        cache.obtain(a, () -> { computations.incrementAndGet(); return table("A"); });
        cache.obtain(b, () -> { computations.incrementAndGet(); return table("B"); });
        cache.obtain(a, () -> { computations.incrementAndGet(); return table("A"); }); // A used again: B is now the oldest
        cache.obtain(c, () -> { computations.incrementAndGet(); return table("C"); }); // evicts B

        cache.obtain(a, () -> { computations.incrementAndGet(); return table("A"); });
        assertEquals(3, computations.get(), "A still cached");
        cache.obtain(b, () -> { computations.incrementAndGet(); return table("B"); });
        assertEquals(4, computations.get(), "B was evicted and computed again");
    }

    @Test
    void aKeyAskedWhileBeingComputedWaitsForThatComputation() throws Exception {
        LruCache<Key, RapportTable> cache = new LruCache<Key, RapportTable>(10);
        Key key = new Key("TAB03-02", Level.NATIONAL, "FR", 2024);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch starts = new CountDownLatch(1);
        CountDownLatch freed = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RapportTable> first = threads.submit(() -> cache.obtain(key, () -> {
                computations.incrementAndGet();
                starts.countDown();
                await(freed);
                return table("TAB03-02");
            }));
            assertTrue(starts.await(10, TimeUnit.SECONDS));
            Future<RapportTable> second = threads.submit(() -> cache.obtain(key, () -> {
                computations.incrementAndGet();
                return table("autre calcul");
            }));
            Thread.sleep(100); // the second request is now waiting (or would have computed its own)
            freed.countDown();

            assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
            assertEquals(1, computations.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsNotCachedAndIsTriedAgain() {
        LruCache<Key, RapportTable> cache = new LruCache<Key, RapportTable>(10);
        Key key = new Key("TAB03-02", Level.NATIONAL, "FR", 2024);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.obtain(key, () -> { throw new IllegalStateException("DuckDB en panne"); }));
        assertEquals("DuckDB en panne", e.getMessage());

        RapportTable table = table("TAB03-02");
        assertSame(table, cache.obtain(key, () -> table));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
