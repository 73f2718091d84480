package mlpkit.spark.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars an executor JVM needs for classes it cannot find in the Spark home: the class path roots (a jar, or a
 * build's classes folder packed into a jar) that hold the given classes. Executors do not see the test JVM's class
 * path, so these go to them through {@code spark.jars}.
 */
final class ClassPathJars {
    private ClassPathJars() {
    }

    /**
     * One jar per distinct class path root of {@code classes}, in their order; a folder root is packed into
     * {@code into}/&lt;n&gt;-&lt;folder's parent&gt;-&lt;folder&gt;.jar.
     */
    static List<Path> of(Path into, Class<?>... classes) {
        List<Path> roots = new ArrayList<>();
        for (Class<?> c : classes) {
            Path root = rootOf(c);
            if (!roots.contains(root)) {
                roots.add(root);
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path jar = into.resolve(jars.size() + "-" + root.getParent().getParent().getFileName() + "-" + root.getFileName() + ".jar");
                pack(root, jar);
                jars.add(jar);
            } else {
                jars.add(root);
            }
        }
        return jars;
    }

    private static Path rootOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from (expected a jar or a classes "
                    + "folder on the class path, got " + c.getProtectionDomain().getCodeSource() + "): run the test through Maven", e);
        }
    }

    private static void pack(Path folder, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(folder)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + folder + " into " + jar + ": " + e.getMessage(), e);
        }
    }
}
