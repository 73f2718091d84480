package mlpkit.core.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The products under every tile give the fma chain's bits at every vector width this CPU can run, not only at the
 * width the tests' JVM picked: a JVM of its own per width, limited with HotSpot's flags ({@code -XX:UseAVX=2} makes
 * an AVX-512 machine generate AVX2 code with its 16 registers and 256-bit vectors; {@code -XX:MaxVectorSize=16}
 * gives 128-bit vectors, as SSE and NEON have).
 */
class ProductKernelsAtEveryWidthTest {
    private static boolean x86() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-XX:UseAVX=2, vector-256, x86", "-XX:MaxVectorSize=32, vector-256, any", "-XX:MaxVectorSize=16, vector-128, any"})
    void everyTileAtThisWidthGivesTheFmaChainsBits(String flag, String kernel, String where) throws IOException, InterruptedException {
        if (where.equals("x86") && !x86()) {
            flag = "-XX:MaxVectorSize=32";   // the same width by the flag every HotSpot has
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, flag, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), ProductBitsCheck.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check did not end within 2 minutes");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace("WARNING: Using incubator modules: jdk.incubator.vector", "").strip();
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith(kernel + " "), "expected the " + kernel + " kernel, got: " + output);
        assertTrue(output.endsWith(" ok " + 21 * 4 * 2 * (1 + VectorTiles.SHAPES.size())), output);
    }
}
