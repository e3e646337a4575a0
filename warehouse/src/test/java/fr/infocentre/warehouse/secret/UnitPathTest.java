package fr.infocentre.warehouse.secret;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.fixtures.SampleTables;
import fr.infocentre.warehouse.secret.SecondarySuppression.Keep;
import fr.infocentre.warehouse.secret.SecondarySuppression.Witness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chains worked out by hand: x must take the unit on line a, y can give a unit of line b only, so
 * no line carries the unit from y to x directly; a third commune holding a unit of a hands it on.
 */
class UnitPathTest {

    private static final List<Level> ALL = List.of(Level.values());

    private static Map<String, Long> n(long a, long b) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    /** The moves of a chain, as "taker<-giver:line". */
    private static List<String> moves(LinkedTables tables, Witness w) {
        List<String> moves = new ArrayList<>();
        for (Witness m = w; m != null; m = m.also()) {
            moves.add(tables.territoires.get(m.x()).code() + "<-" + tables.territoires.get(m.y()).code() + ":"
                    + tables.lines.get(m.k()));
        }
        return moves;
    }

    private static LinkedTables linked(SampleTables s) {
        return LinkedTables.build(s.definition(), s.tables(), Set.copyOf(s.definition().rapport().levels()), s.memberships());
    }

    private static int commune(LinkedTables tables, String code) {
        return tables.index(Level.COMMUNE, code);
    }

    @Test
    void aThirdCommuneOfTheDepartementHandsTheUnitOn() {
        SampleTables s = new SampleTables("TAB99-01", "demandes", List.of("a", "b"), ALL)
                .commune("01001", null, "01", "84", n(1, 0))
                .commune("01002", null, "01", "84", n(0, 3))
                .commune("01003", null, "01", "84", n(3, 1));
        LinkedTables tables = linked(s);
        SecondarySuppression member = new SecondarySuppression(tables, true);
        int x = commune(tables, "01001"), y = commune(tables, "01002");
        int a = tables.lines.indexOf("a");
        Witness up = UnitPath.carry(member, x, y, 0, -1, a, false);
        assertEquals(List.of("01003<-01002:b", "01001<-01003:a"), moves(tables, up));
        // on any line, y hands its b to x directly (x's b, a 0, becomes a masked 1)
        assertEquals(List.of("01001<-01002:b"), moves(tables, UnitPath.carry(member, x, y, 0, -1, -1, false)));
        // the other way, x gives its unit of a to y (x's a, a masked 1, may be a 0)
        assertEquals(List.of("01001<-01002:a"), moves(tables, UnitPath.carry(member, x, y, 0, -1, a, true)));
    }

    @Test
    void theChainRunsThroughYsDepartementToo() {
        SampleTables s = new SampleTables("TAB99-01", "demandes", List.of("a", "b"), ALL)
                .commune("01001", null, "01", "84", n(1, 0))
                .commune("02001", null, "02", "84", n(3, 1))
                .commune("02002", null, "02", "84", n(0, 3))
                .commune("03001", null, "03", "93", n(5, 5));
        LinkedTables tables = linked(s);
        SecondarySuppression member = new SecondarySuppression(tables, true);
        Witness up = UnitPath.carry(member, commune(tables, "01001"), commune(tables, "02002"), 0, -1,
                tables.lines.indexOf("a"), false);
        assertEquals(List.of("02001<-02002:b", "01001<-02001:a"), moves(tables, up));
        assertTrue((member.directions(up, Keep.NONE) & SecondarySuppression.UP) != 0, "possible upwards");
        assertEquals(0, member.directions(up, Keep.ALL), "it changes the départements' totals, which are kept");
    }

    @Test
    void xMustTakeTheUnitOnTheLineAsked() {
        SampleTables s = new SampleTables("TAB99-01", "demandes", List.of("a", "b"), ALL)
                .commune("01001", null, "01", "84", n(1, 1))
                .commune("01002", null, "01", "84", n(0, 3));
        LinkedTables tables = linked(s);
        SecondarySuppression member = new SecondarySuppression(tables, true);
        int x = commune(tables, "01001"), y = commune(tables, "01002");
        int a = tables.lines.indexOf("a"), b = tables.lines.indexOf("b");
        assertEquals(List.of("01001<-01002:b"), moves(tables, UnitPath.carry(member, x, y, 0, -1, b, false)));
        assertNull(UnitPath.carry(member, x, y, 0, -1, a, false), "no commune gives a unit of line a");
    }
}
