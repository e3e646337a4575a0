package fr.infocentre.warehouse.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * LP bounds worked out by hand where propagation and elimination stay wider: a + b = 10,
 * a + c = 10 and b + c + d = k, all four masked (≥ 0). Each relation alone leaves a ∈ [0, 10];
 * together b = c = 10 − a, so 20 − 2a + d = k and a ≥ (20 − k) / 2.
 */
class LpBoundsTest {

    private final CellSystem s = new CellSystem();

    private int masked() {
        return s.variable(null, 0);
    }

    private int[] system(long k) {
        int a = masked(), b = masked(), c = masked(), d = masked();
        s.relation(new int[] {s.variable(10L, 0)}, new int[] {a, b});
        s.relation(new int[] {s.variable(10L, 0)}, new int[] {a, c});
        s.relation(new int[] {s.variable(k, 0)}, new int[] {b, c, d});
        return new int[] {a, b, c, d};
    }

    @Test
    void theRelationsTogetherBoundWhatEachLeavesOpen() {
        int[] cells = system(12);
        Attacker.Result attack = Attacker.attack(s);
        assertEquals(0, attack.min()[cells[0]]);
        assertEquals(10, attack.max()[cells[0]]);

        Map<Integer, LpBounds.Bound> lp = LpBounds.of(s, attack, List.of(cells[0], cells[1], cells[2], cells[3]));
        // a ≥ 4; b = c = 10 − a ∈ [0, 6]; d = 2a − 8 ∈ [0, 12]
        assertEquals(new LpBounds.Bound(4, 10), lp.get(cells[0]));
        assertEquals(new LpBounds.Bound(0, 6), lp.get(cells[1]));
        assertEquals(new LpBounds.Bound(0, 6), lp.get(cells[2]));
        assertEquals(new LpBounds.Bound(0, 12), lp.get(cells[3]));
    }

    @Test
    void roundingTheOptimumToWholeCountsPinsACell() {
        int[] cells = system(1);
        Attacker.Result attack = Attacker.attack(s);
        // propagation: b, c ≤ 1, so a ∈ [9, 10]
        assertEquals(9, attack.min()[cells[0]]);
        assertFalse(attack.determined()[cells[0]]);

        // LP: a ≥ 9.5, so the whole count a is 10; d = 2a − 19 keeps its LP bounds [0, 1] (at a = 9.5):
        // the bounds are the LP's, not those of whole counts
        Map<Integer, LpBounds.Bound> lp = LpBounds.of(s, attack, List.of(cells[0], cells[3]));
        assertEquals(new LpBounds.Bound(10, 10), lp.get(cells[0]));
        assertEquals(new LpBounds.Bound(0, 1), lp.get(cells[3]));
    }

    @Test
    void aComponentOfTwoCellsIsLeftToTheAttacker() {
        int a = masked(), b = masked();
        s.relation(new int[] {s.variable(7L, 0)}, new int[] {a, b});
        Attacker.Result attack = Attacker.attack(s);
        assertEquals(Map.of(), LpBounds.of(s, attack, List.of(a, b)));
    }
}
