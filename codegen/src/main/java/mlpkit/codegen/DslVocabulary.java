package mlpkit.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mlpkit.core.concept.Concept;
import mlpkit.core.concept.Kind;
import mlpkit.core.concept.Param;
import mlpkit.core.concept.Registry;

/**
 * Writes the Kotlin DSL's vocabulary from the built-in registry, so that a new concept file is usable in
 * {@code network { }} and {@code training { }} without touching the DSL: one interface per kind
 * ({@code ActivationVocabulary}, {@code LayerVocabulary}, …) with, for each concept and each of its names,
 * a property (when every parameter has a default) and a function with the parameters as named Kotlin
 * arguments whose defaults are the concept's own default objects. Layers become functions that add the
 * layer to the builder. The metric kind gives {@code MetricVocabulary}: a property per part and metric
 * ({@code trainAccuracy}, {@code validationLoss}, …) for {@code expect { }}.
 *
 * <p>Run by dsl's build before compiling ({@code generate-sources}): {@code DslVocabulary <output dir>}.
 */
public final class DslVocabulary {
    /** The parts of the data a metric is reported for, as {@code <part>_<metric>}. */
    static final List<String> PARTS = List.of("train", "validation", "test");

    private final Registry registry;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> imports = new LinkedHashSet<>();

    private DslVocabulary(Registry registry) {
        this.registry = registry;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DslVocabulary <generated source directory>");
        }
        Path file = Path.of(args[0]).resolve("mlpkit/dsl/Vocabulary.kt");
        String text = new DslVocabulary(Registry.builtIns()).source();
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        System.out.println("mlpkit DSL vocabulary: " + Registry.builtIns().all().size() + " concepts in " + file);
    }

    String source() {
        for (Kind<?> kind : registry.kinds()) {
            if (kind.name().equals("metric")) {
                metrics(kind);
            } else if (kind.name().equals("layer")) {
                vocabulary(kind, true);
            } else {
                vocabulary(kind, false);
            }
        }
        StringBuilder file = new StringBuilder();
        file.append("// Written by mlpkit-codegen (mlpkit.codegen.DslVocabulary) from the concept registry when mlpkit is built.\n");
        file.append("// Do not edit: add or change a concept file in core instead.\n");
        file.append("@file:Suppress(\"unused\", \"RedundantVisibilityModifier\")\n\n");
        file.append("package mlpkit.dsl\n\n");
        imports.stream().sorted().forEach(i -> file.append("import ").append(i).append('\n'));
        file.append('\n').append(out);
        return file.toString();
    }

    private void vocabulary(Kind<?> kind, boolean adds) {
        String type = kind.type().getSimpleName();
        imports.add(kind.type().getName());
        String kindRef = type + ".KIND";
        out.append("/** The ").append(kind.name()).append("s of the built-in registry, by name (generated). */\n");
        out.append("public interface ").append(capitalise(kind.name())).append("Vocabulary {\n");
        if (adds) {
            out.append("    /** Adds [").append(kind.name()).append("] to what is being built. */\n");
            out.append("    public fun add(").append(kind.name()).append(": ").append(type).append(")\n\n");
        }
        Map<String, String> taken = new HashMap<>();
        for (Concept<?> concept : registry.of(kind).all()) {
            for (String name : concept.names()) {
                String id = identifier(name);
                String previous = taken.putIfAbsent(id, concept.name());
                if (previous != null) {
                    if (previous.equals(concept.name())) {
                        continue;
                    }
                    throw new IllegalStateException("the " + kind.name() + "s '" + previous + "' and '" + concept.name()
                            + "' both become the Kotlin name '" + id + "': rename one of them");
                }
                member(kind, kindRef, type, concept, id, adds);
            }
        }
        out.append("}\n\n");
    }

    private void member(Kind<?> kind, String kindRef, String type, Concept<?> concept, String id, boolean adds) {
        String doc = "    /** `" + concept.signature() + "`" + (concept.summary().isEmpty() ? "" : ": " + concept.summary().replace("*/", "* /")) + " */\n";
        boolean allDefault = concept.params().stream().noneMatch(Param::isRequired);
        if (!adds && allDefault) {
            out.append(doc);
            out.append("    public val ").append(id).append(": ").append(type)
                    .append(" get() = BuiltIns.value(").append(kindRef).append(", \"").append(concept.name()).append("\")\n");
        }
        if (concept.params().isEmpty() && !adds) {
            out.append('\n');
            return;
        }
        out.append(doc);
        List<String> parameters = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (Param p : concept.params()) {
            String kotlinType = kotlinType(p);
            String parameter = p.name() + ": " + kotlinType;
            if (!p.isRequired()) {
                parameter += " = BuiltIns.default(" + kindRef + ", \"" + concept.name() + "\", \"" + p.name() + "\")";
            }
            parameters.add(parameter);
            arguments.add("\"" + p.name() + "\" to " + p.name());
        }
        String call = "BuiltIns.value(" + kindRef + ", \"" + concept.name() + "\"" + (arguments.isEmpty() ? "" : ", " + String.join(", ", arguments)) + ")";
        out.append("    public fun ").append(id).append("(").append(String.join(", ", parameters)).append(")");
        if (adds) {
            out.append(" {\n        add(").append(call).append(")\n    }\n\n");
        } else {
            out.append(": ").append(type).append(" = ").append(call).append("\n\n");
        }
    }

    private void metrics(Kind<?> kind) {
        out.append("/** A property per part and metric of the built-in registry, `trainAccuracy`, `testAuc`, … (generated). */\n");
        out.append("public interface MetricVocabulary {\n");
        for (String part : PARTS) {
            for (Concept<?> concept : registry.of(kind).all()) {
                String name = part + "_" + concept.name();
                out.append("    /** `").append(name).append("`: ").append(concept.summary()).append(" */\n");
                out.append("    public val ").append(identifier(name)).append(": MetricRef get() = MetricRef(\"").append(name).append("\")\n\n");
            }
        }
        out.append("}\n\n");
    }

    private String kotlinType(Param p) {
        return switch (p.type()) {
            case REAL -> "Double";
            case INTEGER -> "Int";
            case BOOLEAN -> "Boolean";
            case TEXT -> "String";
            case CONCEPT -> {
                imports.add(p.kind().type().getName());
                yield p.kind().type().getSimpleName();
            }
        };
    }

    /** {@code half-sse} → {@code halfSse}, {@code train_accuracy} → {@code trainAccuracy}. */
    static String identifier(String name) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
