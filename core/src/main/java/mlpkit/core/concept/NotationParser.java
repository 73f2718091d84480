package mlpkit.core.concept;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values of any kind from the notation, with the concepts of a {@link Registry}:
 * <pre>
 * network  := "network" "&lt;" call (";" call)* [";"] "&gt;"      (calls of the kind "layer")
 * call     := name ["(" [argument ("," argument)*] ")"]
 * argument := [name "="] value                            (positional arguments come first)
 * value    := number | "true" | "false" | name | string | call
 * </pre>
 * A name is a letter followed by letters, digits, '_' or '-'. Arguments bind to the concept's parameters
 * in order or by name and are checked by the concept; every error is a {@link NotationException} naming
 * the column, what was expected there and what was found.
 */
public final class NotationParser {
    /**
     * How deeply calls may nest ({@code dense(4, leakyRelu(0.1))} nests 2 deep). Real notation nests 3 deep at
     * most; the limit turns text such as a thousand {@code relu(} into a clear error rather than a stack overflow.
     */
    public static final int MAX_NESTING = 32;

    private final String text;
    private final String subject;
    private final Registry registry;
    private int pos;
    private int nesting;

    /** A parser of {@code text}, called {@code subject} in messages ({@code network notation}). */
    public NotationParser(String text, String subject, Registry registry) {
        this.text = text == null ? "" : text;
        this.subject = subject;
        this.registry = registry;
    }

    // ------------------------------------------------------------------ syntax

    private sealed interface Node permits Call, Num, Str {
        int column();
    }

    private record Call(String name, int column, List<Argument> arguments) implements Node {
    }

    private record Num(double value, String token, int column) implements Node {
    }

    private record Str(String value, int column) implements Node {
    }

    private record Argument(String name, int column, Node value) {
    }

    /** A whole network: the layer calls between {@code network <} and {@code >}, each a value of {@code layerKind}. */
    public <V> List<V> network(Kind<V> layerKind) {
        skipSpace();
        int start = pos;
        String word = name();
        if (!word.equals("network")) {
            throw errorAt(start, "the word 'network'", describe(start, word), "");
        }
        expectChar('<', "'<' after 'network'");
        List<V> layers = new ArrayList<>();
        layers.add(bind(call(layerKind.withArticle() + " (" + registry.of(layerKind).expectation() + ")"), layerKind));
        while (true) {
            skipSpace();
            if (peek() == ';') {
                pos++;
                skipSpace();
                if (peek() == '>') {
                    break;
                }
                layers.add(bind(call(layerKind.withArticle() + " (" + registry.of(layerKind).expectation() + ")"), layerKind));
            } else if (peek() == '>') {
                break;
            } else {
                throw error("';' between " + layerKind.name() + "s or '>' to close the network");
            }
        }
        expectChar('>', "'>'");
        skipSpace();
        if (pos < text.length()) {
            throw error("the end of the notation after '>'");
        }
        return layers;
    }

    /** One value of {@code kind}: the whole text is one call. */
    public <V> V value(Kind<V> kind) {
        skipSpace();
        V value = bind(call(kind.withArticle() + " (" + registry.of(kind).expectation() + ")"), kind);
        skipSpace();
        if (pos < text.length()) {
            throw error("the end of the notation after " + kind.withArticle());
        }
        return value;
    }

    private Call call(String what) {
        skipSpace();
        int start = pos;
        String name = name();
        if (name.isEmpty()) {
            throw errorAt(start, what, describe(start, ""), "");
        }
        if (nesting == MAX_NESTING) {
            throw errorAt(start, "at most " + MAX_NESTING + " calls nested inside each other", "'" + name + "' nested "
                    + (MAX_NESTING + 1) + " deep", "write the inner values without so many nested calls");
        }
        nesting++;
        try {
            return callArguments(name, start);
        } finally {
            nesting--;
        }
    }

    /** The arguments of the call {@code name} that starts at {@code start}, if it has any. */
    private Call callArguments(String name, int start) {
        skipSpace();
        List<Argument> arguments = new ArrayList<>();
        if (peek() != '(') {
            return new Call(name, start + 1, arguments);
        }
        pos++;
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Call(name, start + 1, arguments);
        }
        while (true) {
            skipSpace();
            arguments.add(argument(name));
            skipSpace();
            if (peek() == ')') {
                pos++;
                return new Call(name, start + 1, arguments);
            }
            expectChar(',', "',' or ')' in the arguments of " + name);
        }
    }

    private Argument argument(String owner) {
        int start = pos;
        if (isNameStart(peek())) {
            String word = name();
            int after = pos;
            skipSpace();
            if (peek() == '=') {
                pos++;
                skipSpace();
                return new Argument(word, start + 1, node(owner));
            }
            pos = after;
            return new Argument(null, start + 1, callRest(word, start));
        }
        return new Argument(null, start + 1, node(owner));
    }

    private Node node(String owner) {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (isNameStart(c)) {
            int start = pos;
            return callRest(name(), start);
        }
        if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
            return number("a number argument of " + owner);
        }
        throw error("an argument of " + owner + " (a number, a name or a call)");
    }

    /** The rest of a call whose name was just read (a value may be a call with arguments). */
    private Call callRest(String name, int start) {
        int after = pos;
        skipSpace();
        if (peek() != '(') {
            pos = after;
            return new Call(name, start + 1, List.of());
        }
        pos = start;
        return call("a call");
    }

    private Num number(String what) {
        int start = pos;
        if (peek() == '+' || peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String token = text.substring(start, pos);
        try {
            if (token.isEmpty()) {
                throw new NumberFormatException();
            }
            return new Num(Double.parseDouble(token), token, start + 1);
        } catch (NumberFormatException e) {
            pos = start;
            throw errorAt(start, what, describe(start, token), "");
        }
    }

    private Str string() {
        int start = pos;
        pos++;
        StringBuilder s = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            s.append(c);
        }
        if (pos >= text.length()) {
            throw errorAt(start, "a closing '\"'", "the end of the notation", "");
        }
        pos++;
        return new Str(s.toString(), start + 1);
    }

    private String name() {
        int start = pos;
        if (pos < text.length() && isNameStart(text.charAt(pos))) {
            pos++;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || (text.charAt(pos) == '-' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1))))) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    // ------------------------------------------------------------------ binding

    private <V> V bind(Call call, Kind<V> kind) {
        Concepts<V> concepts = registry.of(kind);
        Concept<V> concept = concepts.find(call.name()).orElse(null);
        if (concept == null) {
            ConceptException unknown = concepts.unknown(call.name());
            throw new NotationException(text, subject, call.column(), kind.withArticle() + " (" + unknown.expected() + ")",
                    unknown.got(), unknown.hint(), kind);
        }
        List<Param> params = concept.params();
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean namedSeen = false;
        int position = 0;
        for (Argument argument : call.arguments()) {
            Param param;
            if (argument.name() == null) {
                if (namedSeen) {
                    throw new NotationException(text, subject, argument.column(), "name=value after a named argument of "
                            + concept.name(), describe(argument.column() - 1, ""), "write " + concept.signature());
                }
                if (position >= params.size()) {
                    throw new NotationException(text, subject, argument.column(),
                            (params.isEmpty() ? "no arguments" : "at most " + params.size() + " argument" + (params.size() == 1 ? "" : "s"))
                                    + " for " + concept.name(), shown(argument.value()), "write " + concept.signature());
                }
                param = params.get(position++);
            } else {
                namedSeen = true;
                param = concept.param(argument.name()).orElse(null);
                if (param == null) {
                    throw new NotationException(text, subject, argument.column(),
                            params.isEmpty() ? "no arguments for " + concept.name() : "a parameter of " + concept.name() + ": "
                                    + (params.size() == 1 ? "" : "one of ") + String.join(", ", concept.paramNames()),
                            "'" + argument.name() + "'", ClosestName.suggestion(argument.name(), concept.paramNames()));
                }
            }
            if (given.containsKey(param.name())) {
                throw new NotationException(text, subject, argument.column(), param.name() + " of " + concept.name() + " at most once",
                        "it a second time", "");
            }
            given.put(param.name(), convert(argument.value(), param, concept));
            columns.put(param.name(), argument.value().column());
        }
        try {
            return concept.create(given);
        } catch (ConceptException e) {
            int column = e.parameter() != null && columns.containsKey(e.parameter()) ? columns.get(e.parameter()) : call.column();
            String expected = e.parameter() == null ? e.expected() : e.expected() + " for " + e.parameter() + " of " + concept.name();
            throw new NotationException(text, subject, column, expected, e.got(), e.hint());
        }
    }

    private Object convert(Node node, Param param, Concept<?> owner) {
        String what = param.expectation() + " for " + param.name() + " of " + owner.name();
        switch (param.type()) {
            case REAL, INTEGER -> {
                if (node instanceof Num num) {
                    if (param.type() == Param.Type.INTEGER && (num.value() != Math.rint(num.value())
                            || Math.abs(num.value()) > Integer.MAX_VALUE)) {
                        throw new NotationException(text, subject, num.column(), what, "'" + num.token() + "'", param.hint());
                    }
                    return num.value();
                }
            }
            case BOOLEAN -> {
                if (node instanceof Call call && call.arguments().isEmpty() && (call.name().equals("true") || call.name().equals("false"))) {
                    return Boolean.valueOf(call.name());
                }
            }
            case TEXT -> {
                if (node instanceof Str str) {
                    return str.value();
                }
                if (node instanceof Call call && call.arguments().isEmpty()) {
                    return call.name();
                }
            }
            case CONCEPT -> {
                if (node instanceof Call call) {
                    return bind(call, param.kind());
                }
            }
        }
        throw new NotationException(text, subject, node.column(), what, shown(node), param.hint());
    }

    private String shown(Node node) {
        if (node instanceof Num num) {
            return "'" + num.token() + "'";
        }
        if (node instanceof Str str) {
            return "\"" + str.value() + "\"";
        }
        Call call = (Call) node;
        return "'" + call.name() + (call.arguments().isEmpty() ? "" : "(…)") + "'";
    }

    // ------------------------------------------------------------------ characters

    private void expectChar(char c, String what) {
        skipSpace();
        if (peek() != c) {
            throw error(what);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private NotationException error(String expected) {
        return errorAt(pos, expected, describe(pos, ""), "");
    }

    private NotationException errorAt(int at, String expected, String found, String hint) {
        return new NotationException(text, subject, at + 1, expected, found, hint);
    }

    private String describe(int at, String token) {
        if (!token.isEmpty()) {
            return "'" + token + "'";
        }
        return at >= text.length() ? "the end of the notation" : "'" + text.charAt(at) + "'";
    }
}
