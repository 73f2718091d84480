package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.util.stream.Stream;
import mlpkit.core.concept.ConceptException;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every out-of-range parameter gives one message: name, range, value received and what to do. A parameter of an
 * optimiser or schedule is checked by its concept ({@link ConceptException}, {@code <concept>: <name> must be …,
 * got …; <hint>}); an argument handed to a running optimiser or schedule (the learning rate, the epoch) by
 * {@code Validation} ({@code <name> must be in <range> but was <value>; <hint>}).
 */
class ValidationMessagesTest {

    private static final Class<ConceptException> PARAMETER = ConceptException.class;
    private static final Class<IllegalArgumentException> ARGUMENT = IllegalArgumentException.class;

    static Stream<Arguments> invalidArguments() {
        OptimizerOptions none = OptimizerOptions.DEFAULTS;
        return Stream.of(
                Arguments.of("sgd momentum 1", (Executable) () -> new Sgd(0.01, 1.0, false, 0.0, 0.0), PARAMETER,
                        "sgd: momentum must be a number in [0, 1), got 1.0; use 0 for plain SGD or a typical value "
                                + "such as 0.9"),
                Arguments.of("sgd momentum -0.1", (Executable) () -> Optimizers.sgd(-0.1, false), PARAMETER,
                        "sgd: momentum must be a number in [0, 1), got -0.1; use 0 for plain SGD or a typical value "
                                + "such as 0.9"),
                Arguments.of("sgd nesterov without momentum", (Executable) () -> new Sgd(0.01, 0.0, true, 0.0, 0.0),
                        PARAMETER,
                        "sgd: nesterov must be false when momentum is 0, got true; set a momentum such as 0.9, "
                                + "or use nesterov=false for plain SGD"),
                Arguments.of("sgd lr", (Executable) () -> new Sgd(0.0, 0.9, false, 0.0, 0.0), PARAMETER,
                        "sgd: lr must be a number > 0, got 0.0; try 0.01"),
                Arguments.of("rmsprop rho", (Executable) () -> Optimizers.rmsProp(1.5, 1e-7), PARAMETER,
                        "rmsprop: rho must be a number in [0, 1), got 1.5; use the decay rate of the running mean "
                                + "of g², typically 0.9"),
                Arguments.of("rmsprop eps", (Executable) () -> new RmsProp(0.001, 0.9, 0.0, 0.0, 0.0), PARAMETER,
                        "rmsprop: eps must be a number > 0, got 0.0; use a small positive constant such as 1.0e-7"),
                Arguments.of("adam beta1", (Executable) () -> new Adam(0.001, 1.0, 0.999, 1e-8, 0.0, 0.0), PARAMETER,
                        "adam: beta1 must be a number in [0, 1), got 1.0; use a moment decay rate such as 0.9 "
                                + "for beta1 or 0.999 for beta2"),
                Arguments.of("adam beta2", (Executable) () -> Optimizers.adam(0.9, -0.5, 1e-8), PARAMETER,
                        "adam: beta2 must be a number in [0, 1), got -0.5; use a moment decay rate such as 0.9 "
                                + "for beta1 or 0.999 for beta2"),
                Arguments.of("adam eps", (Executable) () -> new Adam(0.001, 0.9, 0.999, -1e-8, 0.0, 0.0), PARAMETER,
                        "adam: eps must be a number > 0, got -1.0e-8; use a small positive constant such as 1.0e-8"),
                Arguments.of("adamw beta1", (Executable) () -> Optimizers.adamW(Double.NaN, 0.999, 1e-8, none),
                        PARAMETER,
                        "adamw: beta1 must be a number in [0, 1), got NaN; use a moment decay rate such as 0.9 "
                                + "for beta1 or 0.999 for beta2"),
                Arguments.of("adamw weightDecay", (Executable) () -> Optimizers.adamW(-0.01), PARAMETER,
                        "adamw: weightDecay must be a number ≥ 0, got -0.01; use 0 for no decay or a small "
                                + "coefficient such as 1e-4"),
                Arguments.of("clipNorm", (Executable) () -> none.withClipNorm(-1.0), PARAMETER,
                        "optimiser options: clipNorm must be a number ≥ 0, got -1.0; 0 turns clipping off; e.g. 1.0"),
                Arguments.of("clipNorm infinite", (Executable) () -> none.withClipNorm(Double.POSITIVE_INFINITY),
                        PARAMETER,
                        "optimiser options: clipNorm must be a number ≥ 0, got Infinity; 0 turns clipping off; "
                                + "e.g. 1.0"),
                Arguments.of("adam clipNorm", (Executable) () -> new Adam(0.001, 0.9, 0.999, 1e-8, 0.0, -1.0),
                        PARAMETER,
                        "adam: clipNorm must be a number ≥ 0, got -1.0; 0 turns clipping off; e.g. 1.0"),
                Arguments.of("maxNorm", (Executable) () -> GradientClipping.clipByGlobalNorm(new double[1], 0.0),
                        ARGUMENT,
                        "maxNorm must be in (0, +inf) but was 0.0; pass the largest global gradient norm to allow, "
                                + "e.g. 1.0 or 5.0"),
                Arguments.of("learningRate",
                        (Executable) () -> Optimizers.sgd().step(new double[1], new double[1], -0.01), ARGUMENT,
                        "learningRate must be in (0, +inf) but was -0.01; pass a positive, finite step size such "
                                + "as 0.01 (check the schedule feeding it)"),
                Arguments.of("step every", (Executable) () -> Schedules.step(0, 0.5), PARAMETER,
                        "step: every must be a whole number ≥ 1, got 0; pass the number of epochs between decays, "
                                + "e.g. 10"),
                Arguments.of("step factor", (Executable) () -> Schedules.step(10, 0.0), PARAMETER,
                        "step: factor must be a number in (0, 1], got 0.0; e.g. 0.5 halves the rate"),
                Arguments.of("step factor above one", (Executable) () -> new StepDecay(10, 2.0), PARAMETER,
                        "step: factor must be a number in (0, 1], got 2.0; e.g. 0.5 halves the rate"),
                Arguments.of("exponential gamma", (Executable) () -> Schedules.exponential(-0.9), PARAMETER,
                        "exponential: gamma must be a number in (0, 1], got -0.9; e.g. 0.95 (1 keeps the rate "
                                + "constant)"),
                Arguments.of("inverseScaling power", (Executable) () -> Schedules.inverseScaling(-0.5), PARAMETER,
                        "inverseScaling: power must be a number ≥ 0, got -0.5; e.g. 0.5, as scikit-learn's power_t"),
                Arguments.of("cosine totalEpochs", (Executable) () -> Schedules.cosine(0), ARGUMENT,
                        "totalEpochs must be in [1, 2147483647] but was 0; pass the number of epochs over which "
                                + "to decay, usually the planned epoch count"),
                Arguments.of("cosine minRate", (Executable) () -> Schedules.cosine(10, -1e-5), PARAMETER,
                        "cosine: minRate must be a number ≥ 0, got -1.0e-5; pass the final learning rate, "
                                + "e.g. 0 or 1e-5"),
                Arguments.of("cosine minRate above base", (Executable) () -> Schedules.cosine(10, 0.5).rate(0.1, 0),
                        ARGUMENT,
                        "minRate must be in [0, lr] = [0, 0.1] but was 0.5; the cosine schedule decays from the "
                                + "learning rate down to minRate; lower minRate or raise lr"),
                Arguments.of("schedule baseRate", (Executable) () -> Schedules.constant().rate(0.0, 0), ARGUMENT,
                        "baseRate must be in (0, +inf) but was 0.0; pass a positive, finite step size such as 0.01 "
                                + "(check the schedule feeding it)"),
                Arguments.of("schedule epoch", (Executable) () -> Schedules.exponential(0.9).rate(0.1, -1), ARGUMENT,
                        "epoch must be in [0, 2147483647] but was -1; epochs are counted from 0; pass the index "
                                + "of the epoch that is starting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void outOfRangeParameterIsRejectedWithNameValueRangeAndAdvice(String what, Executable call,
                                                                 Class<? extends IllegalArgumentException> type,
                                                                 String message) {
        IllegalArgumentException e = assertThrowsExactly(type, call);
        assertEquals(message, e.getMessage());
    }
}
