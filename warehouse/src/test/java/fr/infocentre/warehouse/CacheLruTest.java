package fr.infocentre.warehouse;

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

class CacheLruTest {

    private record Cle(String rapport, Niveau niveau, String code, int annee) {
    }

    private static RapportTable table(String id) {
        Rapport r = new Rapport(id, "03", "t", "d", "dim", List.of(Niveau.NATIONAL), "bar");
        return new RapportTable(r, Territoire.FRANCE, 2024, List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void computesATableOnceThenServesItFromTheCache() {
        CacheLru<Cle, RapportTable> cache = new CacheLru<Cle, RapportTable>(10);
        AtomicInteger calculs = new AtomicInteger();
        Cle cle = new Cle("TAB03-02", Niveau.NATIONAL, "FR", 2024);

        RapportTable premiere = cache.obtenir(cle, () -> { calculs.incrementAndGet(); return table("TAB03-02"); });
        RapportTable seconde = cache.obtenir(cle, () -> { calculs.incrementAndGet(); return table("TAB03-02"); });

        assertSame(premiere, seconde);
        assertEquals(1, calculs.get());
    }

    @Test
    void dropsTheLeastRecentlyUsedTableBeyondItsCapacity() {
        CacheLru<Cle, RapportTable> cache = new CacheLru<Cle, RapportTable>(2);
        AtomicInteger calculs = new AtomicInteger();
        Cle a = new Cle("A", Niveau.NATIONAL, "FR", 2024);
        Cle b = new Cle("B", Niveau.NATIONAL, "FR", 2024);
        Cle c = new Cle("C", Niveau.NATIONAL, "FR", 2024);
        cache.obtenir(a, () -> { calculs.incrementAndGet(); return table("A"); });
        cache.obtenir(b, () -> { calculs.incrementAndGet(); return table("B"); });
        cache.obtenir(a, () -> { calculs.incrementAndGet(); return table("A"); }); // A used again: B is now the oldest
        cache.obtenir(c, () -> { calculs.incrementAndGet(); return table("C"); }); // evicts B

        cache.obtenir(a, () -> { calculs.incrementAndGet(); return table("A"); });
        assertEquals(3, calculs.get(), "A still cached");
        cache.obtenir(b, () -> { calculs.incrementAndGet(); return table("B"); });
        assertEquals(4, calculs.get(), "B was evicted and computed again");
    }

    @Test
    void aKeyAskedWhileBeingComputedWaitsForThatComputation() throws Exception {
        CacheLru<Cle, RapportTable> cache = new CacheLru<Cle, RapportTable>(10);
        Cle cle = new Cle("TAB03-02", Niveau.NATIONAL, "FR", 2024);
        AtomicInteger calculs = new AtomicInteger();
        CountDownLatch commence = new CountDownLatch(1);
        CountDownLatch libere = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RapportTable> premier = threads.submit(() -> cache.obtenir(cle, () -> {
                calculs.incrementAndGet();
                commence.countDown();
                attendre(libere);
                return table("TAB03-02");
            }));
            assertTrue(commence.await(10, TimeUnit.SECONDS));
            Future<RapportTable> second = threads.submit(() -> cache.obtenir(cle, () -> {
                calculs.incrementAndGet();
                return table("autre calcul");
            }));
            Thread.sleep(100); // the second request is now waiting (or would have computed its own)
            libere.countDown();

            assertSame(premier.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
            assertEquals(1, calculs.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsNotCachedAndIsTriedAgain() {
        CacheLru<Cle, RapportTable> cache = new CacheLru<Cle, RapportTable>(10);
        Cle cle = new Cle("TAB03-02", Niveau.NATIONAL, "FR", 2024);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.obtenir(cle, () -> { throw new IllegalStateException("DuckDB en panne"); }));
        assertEquals("DuckDB en panne", e.getMessage());

        RapportTable table = table("TAB03-02");
        assertSame(table, cache.obtenir(cle, () -> table));
    }

    private static void attendre(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
