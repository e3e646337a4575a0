package fr.infocentre.warehouse.opendata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code <rapport>/<niveau>.json} file of a publication, read as a stream: its head (rapport,
 * serie, titre, description, niveau, annee, territoires), then its tables one at a time, so that
 * a level file of hundreds of MB never sits in memory whole.
 */
final class LevelFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonParser parser;
    private final ObjectNode head = JSON.createObjectNode();

    /** Opens the file and reads its head, up to the start of "tables". */
    LevelFile(Path file) throws IOException {
        this.file = file;
        this.parser = JSON.getFactory().createParser(file.toFile());
        try {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("tables".equals(name)) {
                    expect(value, JsonToken.START_ARRAY);
                    return;
                }
                head.set(name, JSON.readTree(parser));
            }
            throw new IOException(file + ": no \"tables\"");
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The fields before "tables". */
    JsonNode head() {
        return head;
    }

    /** The next table, null after the last. */
    JsonNode next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return null;
        }
        expect(token, JsonToken.START_OBJECT);
        return JSON.readTree(parser);
    }

    private void expect(JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException(file + ": expected " + expected + ", got " + token + " at "
                    + parser.currentLocation());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
