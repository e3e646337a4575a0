package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
