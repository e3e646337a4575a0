package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.secret.SecondarySuppression.Cell;
import fr.infocentre.warehouse.secret.SecondarySuppression.Witness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The witnesses of région and département primary cells, chosen one by one, widest levels first,
 * each seeing only the cells masked before it, and so revised once every cell is protected
 * ({@link SecondarySuppression#revise}): the greedy order no longer decides which cells of those
 * levels stay masked.
 *
 * <p>For each cell such a witness changes, it counts the revisable witnesses changing it and
 * whether anything else holds it — a primary or fixed mask, or a witness never revised — so that
 * withdrawing a witness shows again exactly the cells nothing else needs masked, and unprotects
 * exactly the cells nothing else changes.
 */
final class RevisableWitnesses {

    /** Each revisable witness, by the primary cell it was chosen for, in the order chosen. */
    private final Map<Cell, Witness> byPrimary = new LinkedHashMap<>();
    /** Cell key → how it is held, for every cell a revisable witness changes. */
    private final Map<Long, Hold> holds = new HashMap<>();

    /** A cell changed by revisable witnesses: how many, and whether its mask and protection are held otherwise. */
    private static final class Hold {
        int witnesses;
        boolean masked;
        boolean protected_;
    }

    boolean isEmpty() {
        return holds.isEmpty();
    }

    void record(Cell p, Witness w) {
        byPrimary.put(p, w);
    }

    void forget(Cell p) {
        byPrimary.remove(p);
    }

    /** The revisable witnesses, in the order they were chosen. */
    List<Map.Entry<Cell, Witness>> witnesses() {
        return new ArrayList<>(byPrimary.entrySet());
    }

    /** A revisable witness changes this cell, which was masked and protected as given before. */
    void changedByRevisable(long cell, boolean masked, boolean protected_) {
        holds.computeIfAbsent(cell, k -> {
            Hold h = new Hold();
            h.masked = masked;
            h.protected_ = protected_;
            return h;
        }).witnesses++;
    }

    /** A witness never revised changes this cell: it stays masked (when published) and protected. */
    void changedByOther(long cell, boolean published) {
        Hold h = holds.get(cell);
        if (h != null) {
            h.masked |= published;
            h.protected_ = true;
        }
    }

    /**
     * A revisable witness changing this cell is withdrawn: what is left of the cell's holds (index
     * 0: still masked, 1: still protected).
     */
    boolean[] withdrawn(long cell) {
        Hold h = holds.get(cell);
        if (--h.witnesses > 0) {
            return new boolean[]{true, true};
        }
        holds.remove(cell);
        return new boolean[]{h.masked, h.protected_};
    }
}
