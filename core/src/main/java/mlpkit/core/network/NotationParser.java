package mlpkit.core.network;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.activation.Activation;
import mlpkit.core.activation.Activations;
import mlpkit.core.init.Initializer;
import mlpkit.core.init.Initializers;

/**
 * Recursive-descent reader of the network notation:
 * <pre>
 * network  := "network" "&lt;" layer (";" layer)* [";"] "&gt;"
 * layer    := "dense" "(" integer "," call ("," ("weights" | "bias") "=" call)* ")"
 *           | "dropout" "(" number ")"
 * call     := name ["(" number ("," number)* ")"]
 * </pre>
 * Whitespace is free between tokens. Every error names the 1-based column, what was expected there
 * and what was found.
 */
final class NotationParser {
    private final String text;
    private int pos;

    NotationParser(String text) {
        this.text = text == null ? "" : text;
    }

    NetworkSpec parse() {
        expectWord("network", "the word 'network'");
        expectChar('<', "'<' after 'network'");
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(layer());
        while (true) {
            skipSpace();
            if (peek() == ';') {
                pos++;
                skipSpace();
                if (peek() == '>') {
                    break;
                }
                layers.add(layer());
            } else if (peek() == '>') {
                break;
            } else {
                throw error("';' between layers or '>' to close the network");
            }
        }
        expectChar('>', "'>'");
        skipSpace();
        if (pos < text.length()) {
            throw error("the end of the notation after '>'");
        }
        return new NetworkSpec(layers);
    }

    private LayerSpec layer() {
        skipSpace();
        int start = pos;
        String kind = name();
        if (kind.isEmpty()) {
            throw error("a layer: dense(units, activation) or dropout(rate)");
        }
        return switch (kind) {
            case "dense" -> dense();
            case "dropout" -> dropout();
            default -> throw errorAt(start, "a layer kind 'dense' or 'dropout'", "'" + kind + "'");
        };
    }

    private LayerSpec dense() {
        expectChar('(', "'(' after 'dense'");
        skipSpace();
        int unitsAt = pos;
        double units = number("the number of units");
        if (units != Math.rint(units) || units < 1 || units > Integer.MAX_VALUE) {
            throw errorAt(unitsAt, "a whole number of units ≥ 1", "'" + text.substring(unitsAt, pos) + "'");
        }
        expectChar(',', "',' and the activation after the number of units");
        skipSpace();
        int activationAt = pos;
        Call activationCall = call("an activation (" + String.join(", ", Activations.NAMES) + ")");
        Activation activation;
        try {
            activation = Activations.byName(activationCall.name, activationCall.args);
        } catch (IllegalArgumentException e) {
            throw new NotationException(text, activationAt + 1, e.getMessage());
        }
        Initializer weights = Initializers.DEFAULT_WEIGHTS;
        Initializer bias = Initializers.DEFAULT_BIAS;
        boolean weightsGiven = false;
        boolean biasGiven = false;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            expectChar(',', "',' or ')' after " + activation.notation());
            skipSpace();
            int keyAt = pos;
            String key = name();
            if (!key.equals("weights") && !key.equals("bias")) {
                throw errorAt(keyAt, "'weights=' or 'bias=' (an initialiser option)", describe(keyAt, key));
            }
            if ((key.equals("weights") && weightsGiven) || (key.equals("bias") && biasGiven)) {
                throw errorAt(keyAt, "each of 'weights=' and 'bias=' at most once", "a second '" + key + "='");
            }
            expectChar('=', "'=' after '" + key + "'");
            skipSpace();
            int initAt = pos;
            Call initCall = call("an initialiser (" + String.join(", ", Initializers.NAMES) + ")");
            try {
                Initializer init = Initializers.byName(initCall.name, initCall.args);
                if (key.equals("weights")) {
                    weights = init;
                    weightsGiven = true;
                } else {
                    bias = init;
                    biasGiven = true;
                }
            } catch (IllegalArgumentException e) {
                throw new NotationException(text, initAt + 1, e.getMessage());
            }
        }
        try {
            return new DenseSpec((int) units, activation, weights, bias);
        } catch (IllegalArgumentException e) {
            throw new NotationException(text, unitsAt + 1, e.getMessage());
        }
    }

    private LayerSpec dropout() {
        expectChar('(', "'(' after 'dropout'");
        skipSpace();
        int rateAt = pos;
        double rate = number("the dropout rate, a number in [0, 1)");
        expectChar(')', "')' after the dropout rate");
        try {
            return new DropoutSpec(rate);
        } catch (IllegalArgumentException e) {
            throw new NotationException(text, rateAt + 1, e.getMessage());
        }
    }

    private record Call(String name, double[] args) {
    }

    private Call call(String what) {
        int start = pos;
        String name = name();
        if (name.isEmpty()) {
            throw errorAt(start, what, describe(start, ""));
        }
        skipSpace();
        if (peek() != '(') {
            return new Call(name, new double[0]);
        }
        pos++;
        List<Double> args = new ArrayList<>();
        skipSpace();
        args.add(number("a number argument of " + name));
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            expectChar(',', "',' or ')' in the arguments of " + name);
            skipSpace();
            args.add(number("a number argument of " + name));
        }
        return new Call(name, args.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')
                && (pos > start || Character.isLetter(text.charAt(pos)))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private double number(String what) {
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
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw errorAt(start, what, describe(start, token));
        }
    }

    private void expectWord(String word, String what) {
        skipSpace();
        int start = pos;
        String found = name();
        if (!found.equals(word)) {
            throw errorAt(start, what, describe(start, found));
        }
    }

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
        return errorAt(pos, expected, describe(pos, ""));
    }

    private NotationException errorAt(int at, String expected, String found) {
        return new NotationException(text, at + 1, "expected " + expected + ", found " + found);
    }

    private String describe(int at, String token) {
        if (!token.isEmpty()) {
            return "'" + token + "'";
        }
        return at >= text.length() ? "the end of the notation" : "'" + text.charAt(at) + "'";
    }
}
