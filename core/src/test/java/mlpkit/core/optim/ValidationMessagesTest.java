package mlpkit.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every out-of-range parameter gives one message: name, range, value received and what to do. */
class ValidationMessagesTest {

    static Stream<Arguments> invalidArguments() {
        OptimizerOptions none = OptimizerOptions.DEFAULTS;
        return Stream.of(
                Arguments.of("sgd momentum 1", (Executable) () -> new Sgd(1.0, false),
                        "momentum must be in [0, 1) but was 1; use 0 for plain SGD or a typical value such as 0.9"),
                Arguments.of("sgd momentum -0.1", (Executable) () -> Optimizers.sgd(-0.1, false),
                        "momentum must be in [0, 1) but was -0.1; use 0 for plain SGD or a typical value such as 0.9"),
                Arguments.of("sgd nesterov without momentum", (Executable) () -> new Sgd(0.0, true),
                        "nesterov=true requires momentum in (0, 1) but momentum was 0; set a momentum such as 0.9, "
                                + "or use nesterov=false for plain SGD"),
                Arguments.of("rmsProp rho", (Executable) () -> Optimizers.rmsProp(1.5, 1e-7),
                        "rho must be in [0, 1) but was 1.5; use the decay rate of the running mean of g^2, "
                                + "typically 0.9"),
                Arguments.of("rmsProp eps", (Executable) () -> new RmsProp(0.9, 0.0),
                        "eps must be in (0, +inf) but was 0; use a small positive constant such as 1e-7"),
                Arguments.of("adam beta1", (Executable) () -> new Adam(1.0, 0.999, 1e-8),
                        "beta1 must be in [0, 1) but was 1; use a moment decay rate such as 0.9 for beta1 "
                                + "or 0.999 for beta2"),
                Arguments.of("adam beta2", (Executable) () -> Optimizers.adam(0.9, -0.5, 1e-8),
                        "beta2 must be in [0, 1) but was -0.5; use a moment decay rate such as 0.9 for beta1 "
                                + "or 0.999 for beta2"),
                Arguments.of("adam eps", (Executable) () -> new Adam(0.9, 0.999, -1e-8),
                        "eps must be in (0, +inf) but was -1e-8; use a small positive constant such as 1e-8"),
                Arguments.of("adamW beta1", (Executable) () -> new AdamW(Double.NaN, 0.999, 1e-8, none),
                        "beta1 must be in [0, 1) but was NaN; use a moment decay rate such as 0.9 for beta1 "
                                + "or 0.999 for beta2"),
                Arguments.of("adamW weightDecay", (Executable) () -> Optimizers.adamW(-0.01),
                        "weightDecay must be in [0, +inf) but was -0.01; use 0 for no decay or a small "
                                + "coefficient such as 1e-4 (0.01 for AdamW)"),
                Arguments.of("clipNorm", (Executable) () -> none.withClipNorm(-1.0),
                        "clipNorm must be in [0, +inf) but was -1; use 0 to disable clipping or a positive "
                                + "global-norm limit such as 1.0"),
                Arguments.of("clipNorm infinite", (Executable) () -> none.withClipNorm(Double.POSITIVE_INFINITY),
                        "clipNorm must be in [0, +inf) but was Infinity; use 0 to disable clipping or a positive "
                                + "global-norm limit such as 1.0"),
                Arguments.of("maxNorm", (Executable) () -> GradientClipping.clipByGlobalNorm(new double[1], 0.0),
                        "maxNorm must be in (0, +inf) but was 0; pass the largest global gradient norm to allow, "
                                + "e.g. 1.0 or 5.0"),
                Arguments.of("learningRate", (Executable) () -> new Sgd().step(new double[1], new double[1], -0.01),
                        "learningRate must be in (0, +inf) but was -0.01; pass a positive, finite step size such "
                                + "as 0.01 (check the schedule feeding it)"),
                Arguments.of("step every", (Executable) () -> Schedules.step(0, 0.5),
                        "every must be in [1, 2147483647] but was 0; pass the number of epochs between decays, "
                                + "e.g. 10"),
                Arguments.of("step factor", (Executable) () -> Schedules.step(10, 0.0),
                        "factor must be in (0, 1] but was 0; pass the multiplier applied at each decay, "
                                + "e.g. 0.5 to halve the rate"),
                Arguments.of("step factor above one", (Executable) () -> new StepDecay(10, 2.0),
                        "factor must be in (0, 1] but was 2; pass the multiplier applied at each decay, "
                                + "e.g. 0.5 to halve the rate"),
                Arguments.of("exponential gamma", (Executable) () -> Schedules.exponential(-0.9),
                        "gamma must be in (0, 1] but was -0.9; pass the per-epoch multiplier, e.g. 0.95 "
                                + "(1 keeps the rate constant)"),
                Arguments.of("inverseScaling powerT", (Executable) () -> Schedules.inverseScaling(-0.5),
                        "powerT must be in [0, +inf) but was -0.5; pass the decay exponent, e.g. 0.5 as in "
                                + "scikit-learn"),
                Arguments.of("cosine totalEpochs", (Executable) () -> Schedules.cosine(0),
                        "totalEpochs must be in [1, 2147483647] but was 0; pass the number of epochs over which "
                                + "to decay, usually the planned epoch count"),
                Arguments.of("cosine minRate", (Executable) () -> Schedules.cosine(10, -1e-5),
                        "minRate must be in [0, +inf) but was -1e-5; pass the final learning rate, e.g. 0 or 1e-5"),
                Arguments.of("cosine minRate above base", (Executable) () -> Schedules.cosine(10, 0.5).rate(0.1, 0),
                        "minRate must be in [0, baseRate] = [0, 0.1] but was 0.5; the cosine schedule decays from "
                                + "baseRate down to minRate; lower minRate or raise the base learning rate"),
                Arguments.of("schedule baseRate", (Executable) () -> Schedules.constant().rate(0.0, 0),
                        "baseRate must be in (0, +inf) but was 0; pass a positive, finite step size such as 0.01 "
                                + "(check the schedule feeding it)"),
                Arguments.of("schedule epoch", (Executable) () -> Schedules.exponential(0.9).rate(0.1, -1),
                        "epoch must be in [0, 2147483647] but was -1; epochs are counted from 0; pass the index "
                                + "of the epoch that is starting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void outOfRangeParameterIsRejectedWithNameValueRangeAndAdvice(String what, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
