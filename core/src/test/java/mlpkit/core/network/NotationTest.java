package mlpkit.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import mlpkit.core.activation.Activation;
import mlpkit.core.init.Initializer;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import mlpkit.core.activation.Identity;
import mlpkit.core.activation.Sigmoid;
import mlpkit.core.activation.Tanh;
import mlpkit.core.activation.Relu;
import mlpkit.core.activation.Softmax;
import mlpkit.core.activation.LeakyRelu;
import mlpkit.core.loss.BinaryCrossEntropy;
import mlpkit.core.init.GlorotUniform;
import mlpkit.core.init.GlorotNormal;
import mlpkit.core.init.Zeros;
import mlpkit.core.init.SameAsWeights;
import mlpkit.core.init.HeNormal;
import mlpkit.core.init.HeUniform;
import mlpkit.core.init.LecunNormal;
import mlpkit.core.init.LecunUniform;
import mlpkit.core.init.Normal;
import mlpkit.core.init.Constant;
import mlpkit.core.init.Uniform;
import mlpkit.core.layer.Dense;
import mlpkit.core.layer.Dropout;
import mlpkit.core.concept.NotationException;
import mlpkit.core.concept.Registry;
import mlpkit.core.layer.LayerSpec;

class NotationTest {
    @Test
    void aNetworkPrintsItsNotationAndTheNotationParsesBackToAnEqualSpecification() {
        String notation = "network < dense(6, sigmoid); dense(4, tanh); dense(1, sigmoid) >";
        NetworkSpec spec = NetworkSpec.parse(notation);
        assertEquals(List.of(new Dense.Spec(6, new Sigmoid()), new Dense.Spec(4, new Tanh()),
                new Dense.Spec(1, new Sigmoid())), spec.layers());
        assertEquals(notation, Network.build(spec, 4, new BinaryCrossEntropy(), 1L).toString());
    }

    @Test
    void parametersOfActivationsInitialisersAndDropoutArePartOfTheNotation() {
        NetworkSpec spec = NetworkSpec.parse(
                "network<dense(10,leakyRelu(0.01) ,weights = heNormal, bias=constant(0.1));dropout(0.2);"
                        + "dense(3, softmax, bias=weights, weights=uniform(-0.5, 0.5));>");
        assertEquals(List.of(
                new Dense.Spec(10, new LeakyRelu(0.01), new HeNormal(), new Constant(0.1)),
                new Dropout.Spec(0.2),
                new Dense.Spec(3, new Softmax(), new Uniform(-0.5, 0.5), new SameAsWeights())),
                spec.layers());
        assertEquals("network < dense(10, leakyRelu, weights=heNormal, bias=constant(0.1)); dropout(0.2); "
                + "dense(3, softmax, weights=uniform(-0.5, 0.5), bias=weights) >", spec.notation());
    }

    @Test
    void randomlyGeneratedNetworksRoundTripThroughTheirNotation() {
        MersenneTwister rng = new MersenneTwister(2024);
        Activation[] activations = {new Identity(), new Sigmoid(), new Tanh(), new Relu(),
                new Softmax(), new LeakyRelu(0.3), new LeakyRelu(1e-4)};
        Initializer[] inits = {new Zeros(), new Constant(-2.5), new Normal(0.1),
                new Uniform(-1e-3, 7.25), new GlorotNormal(), new GlorotUniform(),
                new HeNormal(), new HeUniform(), new LecunNormal(), new LecunUniform(),
                new Normal(1.0 / 3.0)};
        for (int trial = 0; trial < 500; trial++) {
            List<LayerSpec> layers = new ArrayList<>();
            int count = 1 + rng.nextInt(6);
            for (int l = 0; l < count; l++) {
                if (l > 0 && rng.nextInt(4) == 0) {
                    layers.add(new Dropout.Spec(rng.nextDouble() * 0.9));
                }
                Initializer bias = rng.nextInt(5) == 0 ? new SameAsWeights() : inits[rng.nextInt(inits.length)];
                layers.add(new Dense.Spec(1 + rng.nextInt(2000), activations[rng.nextInt(activations.length)],
                        inits[rng.nextInt(inits.length)], bias));
            }
            NetworkSpec spec = new NetworkSpec(layers);
            assertEquals(spec, NetworkSpec.parse(spec.notation()), spec.notation());
            assertEquals(spec.notation(), NetworkSpec.parse(spec.notation()).notation());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dense(6, sigmoid)                          | 1  | expected the word 'network', found 'dense'
            network dense(6, sigmoid) >                | 9  | expected '<' after 'network', found 'd'
            network < >                                | 11 | expected a layer (LAYERS), found '>'
            network < conv(3, relu) >                  | 11 | expected a layer (LAYERS), found 'conv'
            network < dense(6 sigmoid) >               | 19 | expected ',' or ')' in the arguments of dense, found 's'
            network < dense(0, relu) >                 | 17 | expected a whole number ≥ 1 for units of dense, found 0; e.g. dense(10, relu)
            network < dense(2.5, relu) >               | 17 | expected a whole number ≥ 1 for units of dense, found '2.5'; e.g. dense(10, relu)
            network < dense(x, relu) >                 | 17 | expected a whole number ≥ 1 for units of dense, found 'x'; e.g. dense(10, relu)
            network < dense(6, sigmoid) dense(1, relu) > | 29 | expected ';' between layers or '>' to close the network, found 'd'
            network < dense(6, sigmoid)                | 28 | expected ';' between layers or '>' to close the network, found the end of the notation
            network < dense(6, sigmoid >               | 28 | expected ',' or ')' in the arguments of dense, found '>'
            network < dense(6, zigzag) >               | 20 | expected an activation (ACTIVATIONS), found 'zigzag'
            network < dense(6, relu, init=heNormal) >  | 26 | expected a parameter of dense: one of units, activation, weights, bias, found 'init'
            network < dense(6, relu, weights=he) >     | 34 | expected an initialiser (INITIALISERS), found 'he'
            network < dense(6, relu, weights=normal) > | 34 | expected a number > 0 for std of normal, found nothing; write normal(std)
            network < dense(6, relu, weights=weights) > | 34 | expected a weight initialiser such as glorotUniform or normal(1.0) for weights of dense, found weights; 'weights' draws the bias like the weights, so it belongs in bias=
            network < dropout(1.5); dense(1, relu) >   | 19 | expected a number in [0, 1) for rate of dropout, found 1.5; it is the fraction of inputs dropped, e.g. dropout(0.2)
            network < dense(6, leakyRelu(0.1, 2)) >    | 35 | expected at most 1 argument for leakyRelu, found '2'; write leakyRelu(alpha=0.01)
            network < dense(6, sigmoidd) >             | 20 | expected an activation (ACTIVATIONS), found 'sigmoidd'; did you mean 'sigmoid'?
            network < dense(6, relu) > extra          | 28 | expected the end of the notation after '>', found 'e'
            """)
    void malformedNotationNamesTheColumnAndWhatWasExpected(String notation, int column, String problemWithLists) {
        // The lists of names come from the registry, so adding a concept changes them without touching this test.
        Registry registry = Registry.builtIns();
        String problem = problemWithLists.replace("LAYERS", registry.of(LayerSpec.KIND).expectation())
                .replace("ACTIVATIONS", registry.of(Activation.KIND).expectation())
                .replace("INITIALISERS", registry.of(Initializer.KIND).expectation());
        NotationException e = assertThrows(NotationException.class, () -> NetworkSpec.parse(notation));
        assertEquals("network notation, column " + column + ": " + problem, e.getMessage());
        assertEquals(column, e.column());
        assertEquals(notation + System.lineSeparator() + " ".repeat(column - 1) + "^", e.pointer());
    }
}
