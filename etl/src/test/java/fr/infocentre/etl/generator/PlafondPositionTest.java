package fr.infocentre.etl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.etl.reference.Plafonds;
import fr.infocentre.etl.reference.Plafonds.Zone;
import org.junit.jupiter.api.Test;

/**
 * The generator places a household against the plafonds the ETL writes (reference.Plafonds),
 * filled PLAI figures included.
 */
class PlafondPositionTest {

    private static final Plafonds.Lookup PLAFONDS = Plafonds.lookup();
    private static final HouseholdSampler SAMPLER = new HouseholdSampler(PLAFONDS);

    private static Household alone(Integer rfr) {
        Household h = new Household();
        h.tailleMenage = 1;
        h.nbEnfants = 0;
        h.handicap = false;
        h.revenuFiscalReference = rfr;
        return h;
    }

    private static int position(Integer rfr, int year) {
        return SAMPLER.plafondPosition(alone(rfr), year, Zone.AUTRES_REGIONS);
    }

    @Test
    void aMissingPlaiFigureIsFilledByTheEtlsRule() {
        // PLAI 2026 AUTRES_REGIONS cat. 1 is not published: 12759 (2025) × PLUS 23403 (2026) / 23201 (2025) = 12870
        // (the generator's former rule kept 2025's 12759, so an RFR of 12800 was above PLAI)
        assertEquals(12870, PLAFONDS.plafond(2026, "PLAI", Zone.AUTRES_REGIONS, 1));
        assertEquals(0, position(12800, 2026));
        assertEquals(0, position(12870, 2026));
        assertEquals(1, position(12871, 2026));
    }

    @Test
    void plusAndPlsBounds() {
        int plus = PLAFONDS.plafond(2025, "PLUS", Zone.AUTRES_REGIONS, 1);
        int pls = PLAFONDS.plafond(2025, "PLS", Zone.AUTRES_REGIONS, 1);
        assertEquals(23201, plus);
        assertEquals(1, position(plus, 2025));
        assertEquals(2, position(plus + 1, 2025));
        assertEquals(2, position(pls, 2025));
        assertEquals(3, position(pls + 1, 2025));
        assertEquals(0, position(null, 2025), "unknown RFR");
    }

    @Test
    void yearsOutsideTheTableTakeItsNearestYear() {
        int plai2015 = PLAFONDS.plafond(Plafonds.FIRST_YEAR, "PLAI", Zone.AUTRES_REGIONS, 1);
        assertEquals(0, position(plai2015, 2009));
        assertEquals(1, position(plai2015 + 1, 2009));
        int plai2026 = PLAFONDS.plafond(Plafonds.LAST_YEAR, "PLAI", Zone.AUTRES_REGIONS, 1);
        assertEquals(1, position(plai2026 + 1, 2027));
    }

    @Test
    void largeHouseholdsAddThePerPersonAmount() {
        Household h = alone(0);
        h.tailleMenage = 8;
        h.nbEnfants = 6;
        assertEquals(8, HouseholdSampler.plafondCategory(h, 2024));
        int plai8 = PLAFONDS.plafond(2024, "PLAI", Zone.IDF_HORS_PARIS, 8);
        h.revenuFiscalReference = plai8;
        assertEquals(0, SAMPLER.plafondPosition(h, 2024, Zone.IDF_HORS_PARIS));
        h.revenuFiscalReference = plai8 + 1;
        assertEquals(1, SAMPLER.plafondPosition(h, 2024, Zone.IDF_HORS_PARIS));
    }
}
