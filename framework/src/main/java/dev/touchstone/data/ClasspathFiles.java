package dev.touchstone.data;

import dev.touchstone.data.table.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Finds a classpath resource as a file the readers can scan (copying it out of a jar when it is in one). */
final class ClasspathFiles {

    private ClasspathFiles() {
    }

    static Path locate(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : ClasspathFiles.class.getClassLoader()).getResource(name);
        if (url == null) {
            throw new DataFormatException("classpath:" + name + ": no such resource on the classpath; put the file in "
                    + "src/test/resources/" + name + " (or name it relative to that folder)");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("touchstone-", "-" + Path.of(name).getFileName());
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException | URISyntaxException e) {
            throw new DataFormatException("classpath:" + name + ": cannot read the resource (" + e.getMessage() + ")");
        }
    }
}
