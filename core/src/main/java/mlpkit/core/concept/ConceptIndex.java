package mlpkit.core.concept;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the built-in registry finds its concepts: an index of class names, {@value #RESOURCE}, written when
 * the classes are compiled and read at run time. A concept is a class with a
 * {@code public static final Concept<…> CONCEPT} field; {@link #main} (run by the build after compiling
 * core, see core/pom.xml) lists every such class under a class directory. So adding a concept is adding its
 * file: no hand-kept list names it. Any jar may ship an index of its own; all are read.
 */
public final class ConceptIndex {
    /** Where the index lives in a jar or class directory. */
    public static final String RESOURCE = "META-INF/mlpkit/concepts";
    /** The field a concept class declares. */
    public static final String FIELD = "CONCEPT";

    private ConceptIndex() {
    }

    /** Writes the index of the class directory {@code args[0]} into it. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConceptIndex <class directory>");
        }
        Path classes = Path.of(args[0]);
        List<String> names = scan(classes, ConceptIndex.class.getClassLoader());
        Path index = classes.resolve(RESOURCE);
        Files.createDirectories(index.getParent());
        Files.write(index, names, StandardCharsets.UTF_8);
        System.out.println("mlpkit concept index: " + names.size() + " concepts in " + index);
    }

    /** The names of the classes under {@code classes} that declare a concept, sorted. */
    public static List<String> scan(Path classes, ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!relative.endsWith(".class") || relative.startsWith("META-INF/")) {
                    continue;
                }
                String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (declaresConcept(className, loader)) {
                    names.add(className);
                }
            }
        }
        return names;
    }

    private static boolean declaresConcept(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            Field field = type.getDeclaredField(FIELD);
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && Concept.class.equals(field.getType());
        } catch (NoSuchFieldException | ClassNotFoundException | LinkageError e) {
            // No concept here, or a class that needs a module absent at build time (the Vector API kernels).
            return false;
        }
    }

    /** The concepts of every index visible to {@code loader}. */
    public static List<Concept<?>> load(ClassLoader loader) {
        Set<String> classNames = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(RESOURCE);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(classNames::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the concept index " + RESOURCE, e);
        }
        List<Concept<?>> concepts = new ArrayList<>();
        for (String name : classNames) {
            concepts.add(conceptOf(name, loader));
        }
        return concepts;
    }

    private static Concept<?> conceptOf(String className, ClassLoader loader) {
        try {
            Object value = Class.forName(className, true, loader).getField(FIELD).get(null);
            if (!(value instanceof Concept<?> concept)) {
                throw new IllegalStateException(className + "." + FIELD + " is not a Concept");
            }
            return concept;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the concept index names " + className
                    + ", which has no readable public static " + FIELD + " field: rebuild mlpkit", e);
        }
    }
}
