package fr.infocentre.api.accounts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The api's copy of the COG départements and régions is the ETL's reference data, byte for byte. */
class AccountGeographyTest {

    @Test
    void theCopyIsTheEtlReferenceData() throws IOException {
        for (String file : List.of("departements.csv", "regions.csv")) {
            try (InputStream copy = Geography.class.getResourceAsStream(file);
                 InputStream reference = Geography.class.getResourceAsStream("/ref/" + file)) {
                assertNotNull(copy, file);
                assertNotNull(reference, "/ref/" + file + " (etl's resources, on the test classpath)");
                assertArrayEquals(reference.readAllBytes(), copy.readAllBytes(), file);
            }
        }
    }

    @Test
    void departementsRegionsAndCommunes() {
        Geography g = Geography.france();
        assertEquals(101, g.departements().size());
        assertEquals("93", g.departement("06").orElseThrow().region());
        assertEquals(List.of("04", "05", "06", "13", "83", "84"),
                g.departementsOf("93").stream().map(Geography.Departement::code).toList());
        assertEquals("2A", g.departementOfCommune("2A004").orElseThrow().code());
        assertEquals("974", g.departementOfCommune("97411").orElseThrow().code());
        assertEquals("75", g.departementOfCommune("75101").orElseThrow().code());
        assertTrue(g.departementOfCommune("99001").isEmpty());
        assertTrue(g.departementOfCommune("0600").isEmpty());
        assertTrue(g.departementOfCommune("06088' --").isEmpty());
    }
}
