package dev.agentarena.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Classpaths of the child JVMs, as recorded at build time by the deploy modules. */
public final class Classpaths {

    private Classpaths() {
    }

    /**
     * The runtime classpath recorded by module {@code name} (resource {@code dev/agentarena/local/NAME.classpath}),
     * plus the jar or folder that holds the record (the module's own classes).
     */
    public static List<String> recorded(String name) {
        String resource = "dev/agentarena/local/" + name + ".classpath";
        URL url = Classpaths.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no recorded classpath " + resource + ": build the deploy modules first (./mvnw install)");
        }
        List<String> entries = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                entries.addAll(Arrays.asList(text.split(File.pathSeparator)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.add(containerOf(url, resource));
        return entries;
    }

    /** The jar or folder a class was loaded from. */
    public static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String containerOf(URL url, String resource) {
        String text = url.toString();
        if (text.startsWith("jar:file:")) {
            return Path.of(URI.create(text.substring(4, text.indexOf("!/")))).toString();
        }
        String folder = text.substring(0, text.length() - resource.length());
        return Path.of(URI.create(folder)).toString();
    }
}
