package fr.infocentre.warehouse.audit;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.fixtures.SampleTables;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A year repeated by the next release (docs/secret-statistique.md, "Figures of earlier releases keep
 * their status"): release N − 1 publishes year N − 1 as its line {@code N}, release N repeats it as
 * its line {@code N_MOINS_1}. A later load corrected one commune's figure of that year; protected
 * afresh, release N masks another partner for the same small count and shows the one release N − 1
 * masked, and the two releases together give the small count away. Taken from release N − 1, value
 * and status, nothing is given away.
 *
 * <p>Four communes of one EPCI, département and région. Year N − 1 as released: 3, 17, 20, 30 (the
 * 3 is primary; its cheapest partner, each masked cell costing its value + 1, is the 17). As the
 * later load computes it: 3, 17, 12, 30 (the 12 is now the cheapest partner, so the 17 is shown).
 */
class YearRepeatedByTheNextReleaseTest {

    private static final List<Level> ALL = List.of(Level.values());
    private static final String ID = "TAB99-03";
    private static final List<String> COMMUNES = List.of("01001", "01002", "01003", "01004");

    private static SampleTables release(long[] yearBefore, long[] year) {
        SampleTables r = SampleTables.years(ID, ALL);
        for (int i = 0; i < COMMUNES.size(); i++) {
            r.commune(COMMUNES.get(i), "200000001", "01", "84", Map.of("N_MOINS_1", yearBefore[i], "N", year[i]));
        }
        return r;
    }

    private static final SampleTables RELEASE_N_MINUS_1 = release(new long[]{12, 13, 14, 15}, new long[]{3, 17, 20, 30});
    private static final SampleTables RELEASE_N = release(new long[]{3, 17, 12, 30}, new long[]{20, 21, 22, 23});

    @Test
    void protectedAfreshTheRepeatedYearGivesAwayTheSmallCountReleaseNMinus1Masked() {
        List<RapportTable> before = RELEASE_N_MINUS_1.protect();
        assertNull(value(before, "01001", "N"), "the 3 is masked in release N − 1");
        assertNull(value(before, "01002", "N"), "with the 17 as its partner");
        assertEquals(20L, value(before, "01003", "N"));
        assertEquals(List.of(), RELEASE_N_MINUS_1.disclosedCells(before), "release N − 1 alone leaks nothing");

        List<RapportTable> afresh = RELEASE_N.protect();
        assertNull(value(afresh, "01001", "N_MOINS_1"));
        assertNull(value(afresh, "01003", "N_MOINS_1"), "protected afresh, the 12 is the partner now");
        assertEquals(17L, value(afresh, "01002", "N_MOINS_1"), "and the 17 release N − 1 masked is shown");
        assertEquals(62L, value(afresh, "200000001", "N_MOINS_1"), "the EPCI's year as the later load computes it");
        assertEquals(List.of(), RELEASE_N.disclosedCells(afresh), "release N alone leaks nothing");

        assertEquals(List.of("commune 01001 N = 3"), pinnedTogether(before, afresh));
    }

    @Test
    void takenFromReleaseNMinus1TheRepeatedYearGivesNothingAway() {
        List<RapportTable> before = RELEASE_N_MINUS_1.protect();
        List<RapportTable> repeated = RELEASE_N.protectAfter(releaseOf(before));
        for (RapportTable t : repeated) {
            RapportTable earlier = table(before, t.territoire());
            Map<String, Object> was = line(earlier, "N"), is = line(t, "N_MOINS_1");
            assertEquals(was.get("n"), is.get("n"), t.territoire() + ": the figure release N − 1 published");
            assertEquals(earlier.mask(was, "n"), t.mask(is, "n"), t.territoire() + ": with its status");
        }
        assertEquals(70L, value(repeated, "200000001", "N_MOINS_1"), "the EPCI's year as released, not the later 62");
        assertEquals(List.of(), RELEASE_N.disclosedCells(repeated));
        assertEquals(List.of(), pinnedTogether(before, repeated));
    }

    /**
     * The attacker on release N − 1, also taking what release N shows of the figures release N − 1
     * masked (its line {@code N_MOINS_1}; a figure both show, the attacker sees revised or not): the
     * masked counts from 1 to 10 it pins, as "niveau code N = valeur".
     */
    private static List<String> pinnedTogether(List<RapportTable> before, List<RapportTable> after) {
        PublicView view = PublicView.build(RELEASE_N_MINUS_1.definition(), before, RELEASE_N_MINUS_1.memberships());
        for (RapportTable t : after) {
            Object shown = line(t, "N_MOINS_1").get("n");
            RapportTable earlier = table(before, t.territoire());
            if (shown != null && earlier.mask(line(earlier, "N"), "n")) {
                long n = ((Number) shown).longValue();
                view.system().narrow(view.variable(t.territoire(), "N", "n"), n, n);
            }
        }
        Attacker.Result attack = Attacker.attack(view.system());
        List<String> pinned = new ArrayList<>();
        for (RapportTable t : before) {
            Map<String, Object> line = line(t, "N");
            int v = view.variable(t.territoire(), "N", "n");
            if (t.mask(line, "n") && attack.determined()[v] && attack.min()[v] >= 1 && attack.min()[v] <= 10) {
                pinned.add(t.territoire().level().key() + " " + t.territoire().code() + " N = " + attack.min()[v]);
            }
        }
        return pinned;
    }

    private static Object value(List<RapportTable> tables, String code, String line) {
        return line(tables.stream().filter(t -> t.territoire().code().equals(code)).findFirst().orElseThrow(), line)
                .get("n");
    }

    private static RapportTable table(List<RapportTable> tables, Territoire territoire) {
        return tables.stream().filter(t -> t.territoire().level() == territoire.level()
                && t.territoire().code().equals(territoire.code())).findFirst().orElseThrow();
    }

    private static Map<String, Object> line(RapportTable table, String key) {
        return table.lines().stream().filter(l -> key.equals(l.get("cle"))).findFirst().orElseThrow();
    }

    /** Release N − 1 holding these tables (its millésime is {@link SampleTables#YEAR} − 1), edition 1. */
    private static Releases releaseOf(List<RapportTable> tables) {
        int millesime = SampleTables.YEAR - 1;
        return new Releases() {
            @Override
            public List<Rapport> catalogue() {
                return List.of(tables.get(0).rapport());
            }

            @Override
            public List<Series> series() {
                return List.of();
            }

            @Override
            public Optional<Rapport> rapport(String id) {
                return catalogue().stream().filter(r -> r.id().equals(id)).findFirst();
            }

            @Override
            public List<Integer> millesimes() {
                return List.of(millesime);
            }

            @Override
            public List<Territoire> territoires(Level level) {
                return tables.stream().map(RapportTable::territoire).filter(t -> t.level() == level).toList();
            }

            @Override
            public RapportTable table(String rapportId, Level level, String code, int year) {
                return tables.stream().filter(t -> year == millesime && rapportId.equals(ID)
                                && t.territoire().level() == level && t.territoire().code().equals(code)).findFirst()
                        .orElseThrow(() -> new InvalidRequest(InvalidRequest.Cause.UNKNOWN_TERRITOIRE, code));
            }

            @Override
            public OptionalInt edition(int year) {
                return year == millesime ? OptionalInt.of(1) : OptionalInt.empty();
            }

            @Override
            public Optional<Path> openData(int year) {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
