package mlpkit.core.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mlpkit.core.layer.LayerSpec;
import mlpkit.core.network.NetworkSpec;
import mlpkit.core.fuzz.PropertyRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Properties of the notation over random input ({@link PropertyRun}). The default suite runs each property
 * with a fixed seed; the methods tagged {@code fuzz} run the same checks with many more tries and a fresh
 * seed ({@code mvn -B verify -Pfuzz}).
 *
 * <ul>
 *   <li>Round trip: for any valid network built from the registry's layers and activations, with parameters
 *       drawn within their declared ranges, {@code parse(notation(spec)).equals(spec)} and the notation of
 *       the parsed network is the same text. The same holds for a value of every kind (optimisers,
 *       schedules, initialisers, losses, metrics).</li>
 *   <li>Robustness: random text, and valid notation after random edits, either parses (and then round-trips)
 *       or is refused with a {@link NotationException} whose column lies in the text (1 … length + 1);
 *       never any other exception.</li>
 * </ul>
 */
class NotationPropertiesTest {
    private static final Registry REGISTRY = Registry.builtIns();
    /** Characters the notation gives a meaning to, and some it does not. */
    private static final String NOTATION_CHARACTERS = "network<>();,=\"\\ .-+eE0123456789_abcdenrstuxyz\t\n\u00e9\u0000\uffff";

    // ------------------------------------------------------------------ round trip

    @Test
    void aRandomValidNetworkPrintsNotationThatParsesBackToAnEqualSpecification() {
        PropertyRun.withSeed(15007, 300, NotationPropertiesTest::roundTrip);
    }

    @Test
    @Tag("fuzz")
    void aRandomValidNetworkRoundTripsThroughItsNotationFuzz() {
        PropertyRun.fuzz(20_000, NotationPropertiesTest::roundTrip);
    }

    @Test
    void aRandomValueOfEveryKindPrintsNotationThatParsesBackToAnEqualValue() {
        PropertyRun.withSeed(15008, 300, NotationPropertiesTest::valuesRoundTrip);
    }

    @Test
    @Tag("fuzz")
    void aRandomValueOfEveryKindRoundTripsThroughItsNotationFuzz() {
        PropertyRun.fuzz(20_000, NotationPropertiesTest::valuesRoundTrip);
    }

    private static void roundTrip(Random random) {
        NetworkSpec spec = randomNetwork(random);
        String notation = spec.notation();
        NetworkSpec parsed = NetworkSpec.parse(notation, REGISTRY);
        assertEquals(spec, parsed, notation);
        assertEquals(notation, parsed.notation(), "the notation is stable");
    }

    private static void valuesRoundTrip(Random random) {
        RandomConcepts concepts = new RandomConcepts(REGISTRY, random);
        for (Kind<?> kind : concepts.kinds()) {
            Object value = concepts.value(kind);
            String notation = ((Conceptual) value).notation();
            Object parsed = REGISTRY.parse(kind, notation);
            assertEquals(value, parsed, kind.name() + ": " + notation);
            assertEquals(notation, ((Conceptual) parsed).notation(), kind.name() + ": the notation is stable");
        }
    }

    private static NetworkSpec randomNetwork(Random random) {
        RandomConcepts concepts = new RandomConcepts(REGISTRY, random);
        List<LayerSpec> layers = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            layers.add(concepts.value(LayerSpec.KIND));
        }
        return new NetworkSpec(layers);
    }

    // ------------------------------------------------------------------ robustness

    @Test
    void validNotationAfterRandomEditsParsesOrIsRefusedWithAColumn() {
        PropertyRun.withSeed(15009, 500, NotationPropertiesTest::editedNotation);
    }

    @Test
    @Tag("fuzz")
    void validNotationAfterRandomEditsParsesOrIsRefusedWithAColumnFuzz() {
        PropertyRun.fuzz(50_000, NotationPropertiesTest::editedNotation);
    }

    @Test
    void randomTextParsesOrIsRefusedWithAColumn() {
        PropertyRun.withSeed(15010, 2000, random -> parsesOrIsRefusedWithAColumn(notationLike(random)));
    }

    @Test
    @Tag("fuzz")
    void randomTextParsesOrIsRefusedWithAColumnFuzz() {
        PropertyRun.fuzz(100_000, random -> parsesOrIsRefusedWithAColumn(notationLike(random)));
    }

    @Test
    void deeplyNestedCallsAreRefusedWithAColumnRatherThanOverflowingTheStack() {
        // Found by the random-text property: a thousand nested calls overflowed the parser's stack.
        String nested = "network < dense(1, " + "relu(".repeat(100_000) + ")".repeat(100_000) + ") >";
        NotationException e = assertThrows(NotationException.class, () -> NetworkSpec.parse(nested, REGISTRY));
        int column = "network < dense(1, ".length() + 5 * (NotationParser.MAX_NESTING - 1) + 1;
        assertEquals("network notation, column " + column + ": expected at most 32 calls nested inside each other, found 'relu' "
                + "nested 33 deep; write the inner values without so many nested calls", e.getMessage());
    }

    /** Text of the notation's characters (alone or after {@code network <}), or of any characters at all. */
    private static String notationLike(Random random) {
        int length = random.nextInt(60);
        StringBuilder s = new StringBuilder(random.nextInt(3) == 0 ? "network < " : "");
        boolean anyCharacter = random.nextInt(3) == 0;
        for (int i = 0; i < length; i++) {
            s.append(anyCharacter ? (char) random.nextInt(Character.MAX_VALUE + 1)
                    : NOTATION_CHARACTERS.charAt(random.nextInt(NOTATION_CHARACTERS.length())));
        }
        return s.toString();
    }

    private static void editedNotation(Random random) {
        StringBuilder text = new StringBuilder(randomNetwork(random).notation());
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            edit(text, random);
        }
        parsesOrIsRefusedWithAColumn(text.toString());
    }

    /** One random edit: delete, insert, replace, duplicate a slice, or cut the end off. */
    private static void edit(StringBuilder text, Random random) {
        int at = random.nextInt(text.length() + 1);
        char c = NOTATION_CHARACTERS.charAt(random.nextInt(NOTATION_CHARACTERS.length()));
        switch (random.nextInt(5)) {
            case 0 -> {
                if (at < text.length()) {
                    text.deleteCharAt(at);
                }
            }
            case 1 -> text.insert(at, c);
            case 2 -> {
                if (at < text.length()) {
                    text.setCharAt(at, c);
                }
            }
            case 3 -> {
                int end = Math.min(text.length(), at + random.nextInt(12));
                text.insert(at, text.substring(at, end));
            }
            default -> text.setLength(at);
        }
    }

    private static void parsesOrIsRefusedWithAColumn(String text) {
        NetworkSpec parsed;
        try {
            parsed = NetworkSpec.parse(text, REGISTRY);
        } catch (NotationException e) {
            assertTrue(e.column() >= 1 && e.column() <= text.length() + 1,
                    "column " + e.column() + " outside 1.." + (text.length() + 1) + " for '" + text + "': " + e.getMessage());
            assertTrue(e.getMessage().startsWith("network notation, column " + e.column() + ": expected "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("'" + text + "' threw " + e + " instead of a NotationException", e);
        }
        String notation = parsed.notation();
        try {
            assertEquals(parsed, NetworkSpec.parse(notation, REGISTRY), notation);
        } catch (NotationException e) {
            fail("'" + text + "' parsed to " + notation + ", which does not parse back: " + e.getMessage());
        }
    }
}
