package fr.infocentre.warehouse.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version (the Maven {@code project.version} this module was built with, from the
 * filtered resource {@code fr/infocentre/warehouse/format/version.properties}), for the {@code --version}
 * of every command: each module depends on this one, so the version is stamped once.
 */
public final class ProjectVersion {

    private static final String RESOURCE = "version.properties";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("fr/infocentre/warehouse/format/" + RESOURCE + " missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading fr/infocentre/warehouse/format/" + RESOURCE, e);
        }
    }

    private ProjectVersion() {
    }

    /** "infocentre 0.1.0-SNAPSHOT", then {@code more} (what the command reads or writes). */
    public static String[] lines(String... more) {
        String[] lines = new String[more.length + 1];
        lines[0] = "infocentre " + get();
        System.arraycopy(more, 0, lines, 1, more.length);
        return lines;
    }
}
