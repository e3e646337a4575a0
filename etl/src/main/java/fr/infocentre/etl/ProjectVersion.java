package fr.infocentre.etl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project's version (the Maven {@code project.version} the etl module was built with, from the
 * filtered resource {@code fr/infocentre/etl/version.properties}), for the commands' {@code --version}.
 */
public final class ProjectVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("fr/infocentre/etl/" + RESOURCE + " missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading fr/infocentre/etl/" + RESOURCE, e);
        }
    }

    /** "infocentre 0.1.0-SNAPSHOT"; a command adds its own lines with {@link #lines(String...)}. */
    @Override
    public String[] getVersion() {
        return lines();
    }

    /** The version line, then {@code more}. */
    public static String[] lines(String... more) {
        String[] lines = new String[more.length + 1];
        lines[0] = "infocentre " + get();
        System.arraycopy(more, 0, lines, 1, more.length);
        return lines;
    }
}
