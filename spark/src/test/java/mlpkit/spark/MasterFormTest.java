package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterFormTest {
    @Test
    void sparksOwnMasterFormsPass() {
        for (String master : List.of("local", "local[2]", "local[*]", "local[4,3]", "local[*, 2]", "local-cluster[2,1,1024]",
                "spark://127.0.0.1:7077", "spark://a:7077,b:7077", "yarn", "k8s://https://host:6443", "mycm://somewhere")) {
            assertDoesNotThrow(() -> MasterForm.require(master), master);
        }
    }

    @Test
    void aMalformedMasterIsRefusedNamingTheValidForms() {
        for (String master : List.of("foo", "local[x]", "local2", "local[2", "local-cluster[2,1]", "yarn-client", "spark:/host:7077")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterForm.require(master), master);
            assertEquals("the Spark master '" + master + "' expected local, local[N], local[*], local[N,F], spark://host:port, yarn or "
                    + "k8s://…, got '" + master + "': write it in one of these forms, e.g. local[2]", e.getMessage());
        }
    }
}
