package mlpkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference numbers for tests, read from JSON fixtures under src/test/resources (written by the scripts
 * next to them, e.g. {@code mlpkit/core/fixtures/generate_concept_fixtures.py}). core has no JSON library, so
 * this is a small reader of standard JSON into maps, lists, doubles, strings, booleans and null.
 */
public final class Fixtures {
    private final Object root;

    private Fixtures(Object root) {
        this.root = root;
    }

    /** The fixture file at {@code resource} (a class-path path such as {@code /mlpkit/core/fixtures/concept_fixtures.json}). */
    public static Fixtures load(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test fixture " + resource);
            }
            return new Fixtures(new Reader(new String(in.readAllBytes(), StandardCharsets.UTF_8)).document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of keys and indices: {@code get("activations", "elu", "value")}. */
    public Object get(Object... path) {
        Object node = root;
        for (Object step : path) {
            if (step instanceof String key) {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new IllegalArgumentException("no key '" + key + "' in the fixture at " + List.of(path));
                }
                node = map.get(key);
            } else {
                node = ((List<?>) node).get((Integer) step);
            }
        }
        return node;
    }

    public double number(Object... path) {
        return ((Number) get(path)).doubleValue();
    }

    /** A list of numbers. */
    public double[] vector(Object... path) {
        List<?> list = (List<?>) get(path);
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) list.get(i)).doubleValue();
        }
        return v;
    }

    /** A list of rows of numbers. */
    public double[][] matrix(Object... path) {
        List<?> rows = (List<?>) get(path);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            List<?> row = (List<?>) rows.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = ((Number) row.get(j)).doubleValue();
            }
        }
        return m;
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (pos != text.length()) {
                throw error("the end of the document");
            }
            return value;
        }

        private Object value() {
            space();
            char c = text.charAt(pos);
            switch (c) {
                case '{': {
                    pos++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (text.charAt(pos) == '}') {
                        pos++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                        if (text.charAt(pos) == ',') {
                            pos++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    pos++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (text.charAt(pos) == ']') {
                        pos++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (text.charAt(pos) == ',') {
                            pos++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    return literal();
            }
        }

        private Object literal() {
            int start = pos;
            while (pos < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            switch (token) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(token);
                    } catch (NumberFormatException e) {
                        pos = start;
                        throw error("a value");
                    }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            pos++;
            return s.toString();
        }

        private void space() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException("fixture JSON: expected " + expected + " at offset " + pos);
        }
    }
}
