package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release does not move: after a later weekly load that changes the warehouse's figures, a
 * new run of {@code publier --tous-les-millesimes} and a reopened server (a restart), every file
 * of the release still has the bytes and the SHA-256 its manifest lists, and the tables served
 * are those of the release, not of the new load.
 */
class ReleaseImmutabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReleaseKeepsItsBytesAfterALaterLoadAndARestart() throws IOException {
        ReleasedBeforeALaterLoad r = ReleasedBeforeALaterLoad.get();
        assertEquals(ReleaseFiles.listedInManifest(r.folder), r.sha256AsReleased, "as released");
        assertNotEquals(r.servedBefore, r.recomputedAfter, "the later load changes the warehouse's figures of "
                + r.millesime);
        assertEquals(ReleaseFiles.listedInManifest(r.folder), ReleaseFiles.sha256OfEveryFileBut(r.folder, "release.json"),
                "after a later load and publier --tous-les-millesimes");
        try (ReleaseStore restarted = ReleaseStore.open(r.releases)) {
            assertEquals(r.servedBefore, JSON.writeValueAsString(
                    restarted.table("TAB03-02", Level.NATIONAL, "FR", r.millesime).document()), "served after a restart");
            assertTrue(restarted.millesimes().contains(r.millesime + 1), "the later load's new millésime released beside it");
        }
    }
}
